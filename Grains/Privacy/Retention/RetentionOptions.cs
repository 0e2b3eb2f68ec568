namespace Cdm.Grains.Privacy.Retention;

/// <summary>
/// How long values are kept, bound from <c>Cdm:Retention</c>: per attribute (or identifier type) and per source, each
/// counted from when the value was received. Empty (the default): everything is kept until deleted or erased.
/// </summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Cdm:Retention";

    /// <summary>Periods by attribute name (<c>phone</c>, <c>birth_date</c>) or identifier type (<c>loyalty_id</c>).</summary>
    public Dictionary<string, TimeSpan> Attributes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Periods by source name: a record of that source is removed whole once its period is over.</summary>
    public Dictionary<string, TimeSpan> Sources { get; set; } = new(StringComparer.Ordinal);
}
