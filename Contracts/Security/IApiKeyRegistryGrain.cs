using System.Collections.Immutable;

namespace Cdm.Contracts.Security;

/// <summary>
/// The API keys of the cluster (one grain, key <see cref="Key"/>): a few hundred at most, read by gateways that
/// cache what they verified for a short while.
/// </summary>
[Alias("cdm.IApiKeyRegistryGrain")]
public interface IApiKeyRegistryGrain : IGrainWithStringKey
{
    public const string Key = "api-keys";

    /// <summary>Stores a new key; false (and nothing stored) when its id is taken.</summary>
    Task<bool> AddAsync(ApiKeyRecord key);

    /// <summary>Revokes a key (idempotent: a revoked key keeps its first revocation); null when there is no such key.</summary>
    Task<ApiKeyRecord?> RevokeAsync(string id, string revokedBy);

    /// <summary>One key, revoked or not; null when unknown.</summary>
    Task<ApiKeyRecord?> GetAsync(string id);

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    Task<ImmutableArray<ApiKeyRecord>> ListAsync();
}
