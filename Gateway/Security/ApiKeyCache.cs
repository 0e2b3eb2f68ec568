using System.Collections.Concurrent;
using Cdm.Contracts.Security;
using Microsoft.Extensions.Options;

namespace Cdm.Gateway.Security;

/// <summary>
/// What this gateway last read about each API key id, kept for <see cref="AuthOptions.ApiKeyCacheDuration"/> so a call
/// does not cost a grain call; unknown ids are remembered too, so forged keys cannot flood the cluster.
/// </summary>
public sealed class ApiKeyCache(IGrainFactory grains, IOptions<AuthOptions> options, TimeProvider time)
{
    // Bounded: a flood of forged ids must not grow memory without end.
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (ApiKeyRecord? Key, DateTimeOffset Until)> entries = new(StringComparer.Ordinal);

    private IApiKeyRegistryGrain Registry => grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key);

    public async Task<ApiKeyRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (entries.TryGetValue(id, out var entry) && entry.Until > now)
        {
            return entry.Key;
        }

        var key = await Registry.GetAsync(id).WaitAsync(cancellationToken);
        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[id] = (key, now + options.Value.ApiKeyCacheDuration);
        return key;
    }

    /// <summary>Forgets a key at once (this gateway revoked or created it).</summary>
    public void Forget(string id) => entries.TryRemove(id, out _);
}
