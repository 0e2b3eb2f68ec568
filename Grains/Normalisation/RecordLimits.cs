namespace Cdm.Grains.Normalisation;

/// <summary>
/// The limits a source record must keep to be accepted (configuration section <c>Cdm:Normalisation:RecordLimits</c>).
/// A record that breaks any of them is rejected whole, with one field violation per broken limit.
/// The patterns are fixed: other parts of the system (source keys, identifier keys) rely on them.
/// </summary>
public sealed class RecordLimits
{
    /// <summary>
    /// <c>source</c> is required, at most this many characters (default 128), and only ASCII letters, digits,
    /// <c>_</c>, <c>.</c> and <c>-</c> (<c>[A-Za-z0-9_.-]+</c>), so it cannot contain the <c>:</c> of source keys.
    /// </summary>
    public int MaxSourceLength { get; set; } = 128;

    /// <summary>
    /// <c>record_id</c> is required (not empty or only whitespace), at most this many characters (default 256),
    /// and without control characters.
    /// </summary>
    public int MaxRecordIdLength { get; set; } = 256;

    /// <summary>A record has at most this many attributes (default 200).</summary>
    public int MaxAttributes { get; set; } = 200;

    /// <summary>
    /// An attribute name is at most this many characters (default 64) and starts with a lower-case ASCII letter
    /// followed by lower-case letters, digits and <c>_</c> (<c>[a-z][a-z0-9_]*</c>).
    /// </summary>
    public int MaxAttributeNameLength { get; set; } = 64;

    /// <summary>
    /// An attribute value is at most this many characters (default 4096) and has no control characters other than
    /// tabs and line breaks (which become spaces). An empty value is not an error: the attribute is dropped.
    /// </summary>
    public int MaxAttributeValueLength { get; set; } = 4096;

    /// <summary>A record has at most this many external identifiers (default 50).</summary>
    public int MaxIdentifiers { get; set; } = 50;

    /// <summary>
    /// An identifier type is required, at most this many characters (default 64), matches <c>[a-z][a-z0-9_]*</c>,
    /// and is not <c>src</c>, which source keys use.
    /// </summary>
    public int MaxIdentifierTypeLength { get; set; } = 64;

    /// <summary>
    /// An identifier value is at most this many characters (default 512) and has no control characters other than
    /// tabs and line breaks. An empty value is not an error: it is dropped with a quality flag.
    /// </summary>
    public int MaxIdentifierValueLength { get; set; } = 512;

    /// <summary><c>observed_at</c>, when given, is at most this far ahead of the clock (default 1 day), to allow for skew.</summary>
    public TimeSpan MaxObservedAtAhead { get; set; } = TimeSpan.FromDays(1);

    /// <summary><c>observed_at</c>, when given, is not before this instant (default 1900-01-01T00:00:00Z).</summary>
    public DateTimeOffset MinObservedAt { get; set; } = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
