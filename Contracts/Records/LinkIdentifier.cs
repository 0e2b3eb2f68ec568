namespace Cdm.Contracts.Records;

/// <summary>
/// A normalised deterministic identifier that links records (blocked and invalid values never become one).
/// <see cref="Key"/> is the identifier grain's key, <c>type:value</c> (long values hashed).
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.LinkIdentifier")]
public sealed record LinkIdentifier(
    [property: Id(0)] string Type,
    [property: Id(1)] string Value,
    [property: Id(2)] string Key);
