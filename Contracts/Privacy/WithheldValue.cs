namespace Cdm.Contracts.Privacy;

/// <summary>
/// An attribute (or, when <see cref="Identifier"/>, an identifier type) that a read left out, its class and why. Names
/// only: a withheld value is never described by its content.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.WithheldValue")]
public sealed record WithheldValue(
    [property: Id(0)] string Attribute,
    [property: Id(1)] string AttributeClass,
    [property: Id(2)] WithholdReason Reason,
    [property: Id(3)] bool Identifier);
