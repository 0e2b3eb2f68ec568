namespace Cdm.Grains.Survivorship;

/// <summary>
/// How one attribute (or one attribute group) picks its golden value among a profile's member records.
/// Every rule breaks its ties by recency, so the choice never depends on the order records arrived in.
/// </summary>
public enum SurvivorshipRule
{
    /// <summary>The most trusted source wins: explicit priority list, then trust rank, then party.</summary>
    SourcePriority = 0,

    /// <summary>The latest <c>ObservedAt</c> wins (the record's own time, not arrival).</summary>
    MostRecent = 1,

    /// <summary>The value most members hold, compared trimmed and case-insensitively.</summary>
    MostFrequent = 2,

    /// <summary>The longest value; for a group, the record with most fields filled.</summary>
    MostComplete = 3,
}
