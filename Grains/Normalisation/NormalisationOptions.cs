namespace Cdm.Grains.Normalisation;

/// <summary>
/// How source records are validated and normalised (configuration section <c>Cdm:Normalisation</c>).
/// </summary>
public sealed class NormalisationOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Cdm:Normalisation";

    /// <summary>
    /// The region (ISO 3166 alpha-2) in which phone numbers without a country code are read (default <c>US</c>).
    /// A number starting with <c>+</c> or <c>00</c> carries its own country code.
    /// </summary>
    public string DefaultRegion { get; set; } = "US";

    /// <summary>How an ambiguous numeric date such as <c>03/04/2001</c> is read (default <see cref="DateOrder.Dmy"/>, day first).</summary>
    public DateOrder DateOrder { get; set; } = DateOrder.Dmy;

    /// <summary>
    /// The attributes whose valid, non-blocked normalised values are deterministic identifiers, linking every record
    /// that shares them (default <c>email</c> and <c>phone</c>). Configuration adds to the defaults.
    /// </summary>
    public List<string> IdentifierAttributes { get; set; } = ["email", "phone"];

    /// <summary>Placeholder values that never link records.</summary>
    public BlockedValueOptions BlockedValues { get; set; } = new();

    /// <summary>The limits a record must keep to be accepted.</summary>
    public RecordLimits RecordLimits { get; set; } = new();
}
