using System.Collections.Immutable;

namespace Cdm.Contracts.Security;

/// <summary>
/// One API key as the cluster keeps it: never the secret, only its SHA-256. <see cref="Sources"/> are the sources a
/// <c>source</c> key may write; <see cref="Purposes"/> the purposes a <c>reader</c> key may read for.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ApiKeyRecord")]
public sealed record ApiKeyRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<string> Roles,
    [property: Id(3)] ImmutableArray<string> Sources,
    [property: Id(4)] ImmutableArray<string> Purposes,
    [property: Id(5)] string SecretSha256,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string CreatedBy,
    [property: Id(8)] DateTimeOffset? RevokedAt,
    [property: Id(9)] string? RevokedBy)
{
    public bool IsRevoked => RevokedAt is not null;
}
