namespace Cdm.Contracts.Profiles;

/// <summary>A merge saga in flight: <see cref="Loser"/> into <see cref="Survivor"/>, and why.</summary>
[GenerateSerializer, Immutable, Alias("cdm.PendingMerge")]
public sealed record PendingMerge(
    [property: Id(0)] string Loser,
    [property: Id(1)] string Survivor,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset StartedAt);
