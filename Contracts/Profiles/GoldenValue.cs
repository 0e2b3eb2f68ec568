namespace Cdm.Contracts.Profiles;

/// <summary>One attribute of a golden record with its lineage.</summary>
[GenerateSerializer, Immutable, Alias("cdm.GoldenValue")]
public sealed record GoldenValue(
    [property: Id(0)] string Attribute,
    [property: Id(1)] string Value,
    [property: Id(2)] ValueLineage Lineage);
