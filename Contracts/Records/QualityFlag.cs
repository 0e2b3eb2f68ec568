namespace Cdm.Contracts.Records;

/// <summary>A data-quality problem with an accepted value: the value is kept, but does not link or survive.</summary>
[GenerateSerializer, Immutable, Alias("cdm.QualityFlag")]
public sealed record QualityFlag([property: Id(0)] string Attribute, [property: Id(1)] string Issue);
