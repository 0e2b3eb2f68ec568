namespace Cdm.Contracts.Records;

/// <summary>An identifier as a source sent it (type and raw value), before normalisation.</summary>
[GenerateSerializer, Immutable, Alias("cdm.ExternalIdentifier")]
public sealed record ExternalIdentifier([property: Id(0)] string Type, [property: Id(1)] string Value);
