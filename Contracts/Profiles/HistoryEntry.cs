namespace Cdm.Contracts.Profiles;

/// <summary>One entry of a profile's history: a record event (with its source key) or a merge (with the other profile).</summary>
[GenerateSerializer, Immutable, Alias("cdm.HistoryEntry")]
public sealed record HistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] HistoryKind Kind,
    [property: Id(2)] string? Source,
    [property: Id(3)] string? RecordId,
    [property: Id(4)] string? OtherProfileId,
    [property: Id(5)] string Reason);
