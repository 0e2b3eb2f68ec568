using System.Collections.Immutable;
using Cdm.Contracts.Security;
using Cdm.Grains.Storage;

namespace Cdm.Grains.Security;

/// <summary>Keeps the API keys (<see cref="IApiKeyRegistryGrain"/>): the hash of each secret, its roles, sources and purposes.</summary>
[GrainType("api-keys")]
public sealed class ApiKeyRegistryGrain(TimeProvider time) : Grain, IApiKeyRegistryGrain
{
    private StoredState<ApiKeyRegistryState> state = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new StoredState<ApiKeyRegistryState>(GrainContext, "api-keys");
        return state.ReadAsync();
    }

    public async Task<bool> AddAsync(ApiKeyRecord key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!state.State.Keys.TryAdd(key.Id, key))
        {
            return false;
        }

        await SaveAsync();
        return true;
    }

    public async Task<ApiKeyRecord?> RevokeAsync(string id, string revokedBy)
    {
        if (!state.State.Keys.TryGetValue(id, out var key))
        {
            return null;
        }

        if (key.IsRevoked)
        {
            return key;
        }

        state.State.Keys[id] = key with { RevokedAt = time.GetUtcNow(), RevokedBy = revokedBy };
        await SaveAsync();
        return state.State.Keys[id];
    }

    public Task<ApiKeyRecord?> GetAsync(string id) => Task.FromResult(state.State.Keys.GetValueOrDefault(id));

    public Task<ImmutableArray<ApiKeyRecord>> ListAsync() =>
        Task.FromResult<ImmutableArray<ApiKeyRecord>>([.. state.State.Keys.Values.OrderBy(static k => k.CreatedAt).ThenBy(static k => k.Id, StringComparer.Ordinal)]);

    private async Task SaveAsync()
    {
        try
        {
            await state.WriteAsync();
        }
        catch
        {
            // Whether the write landed is unknown: read storage again on the next call rather than trust memory.
            DeactivateOnIdle();
            throw;
        }
    }
}
