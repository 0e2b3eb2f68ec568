namespace Cdm.Contracts.Profiles;

/// <summary>Where a golden value came from: the source record, its observed-at, and the rule that chose it.</summary>
[GenerateSerializer, Immutable, Alias("cdm.ValueLineage")]
public sealed record ValueLineage(
    [property: Id(0)] string Source,
    [property: Id(1)] string RecordId,
    [property: Id(2)] DateTimeOffset ObservedAt,
    [property: Id(3)] string Rule);
