namespace Cdm.Contracts.Ingestion;

/// <summary>What deleting a source record did; <see cref="ProfileId"/> is the profile that held it.</summary>
[GenerateSerializer, Immutable, Alias("cdm.DeleteOutcome")]
public sealed record DeleteOutcome([property: Id(0)] bool Deleted, [property: Id(1)] string? ProfileId);
