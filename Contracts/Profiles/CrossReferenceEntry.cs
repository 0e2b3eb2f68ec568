namespace Cdm.Contracts.Profiles;

/// <summary>One source record and the active profile that holds it.</summary>
[GenerateSerializer, Immutable, Alias("cdm.CrossReferenceEntry")]
public sealed record CrossReferenceEntry(
    [property: Id(0)] string Source,
    [property: Id(1)] string RecordId,
    [property: Id(2)] string ProfileId);
