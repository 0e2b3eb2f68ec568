using System.Collections.Immutable;

namespace Cdm.Contracts.Privacy;

/// <summary>
/// The cluster's list of suppressed identifiers (key 0): salted hashes (HMAC-SHA-256 under a cluster secret) of the
/// identifier keys and source keys of erased people, so the next import of the same email, phone or source key is
/// refused instead of re-creating the person. Append-only; each silo keeps a copy (<see cref="GetSinceAsync"/>).
/// </summary>
[Alias("cdm.ISuppressionListGrain")]
public interface ISuppressionListGrain : IGrainWithIntegerKey
{
    /// <summary>Suppresses <paramref name="keys"/> on behalf of <paramref name="erasureId"/> (idempotent); returns the list's version after.</summary>
    Task<int> AddAsync(string erasureId, ImmutableArray<string> keys);

    /// <summary>The hashing secret and the entries from position <paramref name="version"/> on.</summary>
    Task<SuppressionDelta> GetSinceAsync(int version);

    /// <summary>The erasure that suppressed <paramref name="key"/>, or null when it is not suppressed.</summary>
    Task<string?> FindAsync(string key);
}

/// <summary>The entries of the suppression list after a version, and the secret they are hashed under.</summary>
[GenerateSerializer, Immutable, Alias("cdm.SuppressionDelta")]
public sealed record SuppressionDelta(
    [property: Id(0)] byte[] Secret,
    [property: Id(1)] ImmutableArray<string> Hashes,
    [property: Id(2)] int Version);
