using System.Collections.Immutable;
using Cdm.Contracts.Privacy;
using Cdm.Grains.Storage;

namespace Cdm.Grains.Privacy.Erasure;

/// <summary>
/// The cluster's suppression list (<see cref="ISuppressionListGrain"/>). Erasures are rare, so one grain holds it;
/// ingest never calls it: each silo checks its own copy (<see cref="SuppressionSet"/>), kept current by the erasure
/// saga before any identifier is released.
/// </summary>
[GrainType("suppression-list")]
public sealed class SuppressionListGrain : Grain, ISuppressionListGrain
{
    private StoredState<SuppressionListState> state = null!;
    private readonly Dictionary<string, string> erasureOf = new(StringComparer.Ordinal);
    private byte[] secret = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new StoredState<SuppressionListState>(GrainContext, "suppression");
        await state.ReadAsync();
        foreach (var entry in state.State.Entries)
        {
            erasureOf.TryAdd(entry.Hash, entry.ErasureId);
        }

        if (state.State.Secret is { } stored)
        {
            secret = Convert.FromBase64String(stored);
        }
        else
        {
            // Written before any entry uses it: a secret that changed later would orphan every entry.
            secret = SuppressionHasher.NewSecret();
            state.State.Secret = Convert.ToBase64String(secret);
            await state.WriteAsync();
        }
    }

    public async Task<int> AddAsync(string erasureId, ImmutableArray<string> keys)
    {
        var added = false;
        foreach (var key in keys)
        {
            var hash = SuppressionHasher.Hash(secret, key);
            if (erasureOf.TryAdd(hash, erasureId))
            {
                state.State.Entries.Add(new SuppressionEntry(hash, erasureId));
                added = true;
            }
        }

        if (added)
        {
            try
            {
                await state.WriteAsync();
            }
            catch
            {
                // Memory is ahead of storage: start again from what storage holds.
                DeactivateOnIdle();
                throw;
            }
        }

        return state.State.Entries.Count;
    }

    public Task<SuppressionDelta> GetSinceAsync(int version)
    {
        var entries = state.State.Entries;
        var from = Math.Clamp(version, 0, entries.Count);
        return Task.FromResult(new SuppressionDelta(secret, [.. entries.Skip(from).Select(static e => e.Hash)], entries.Count));
    }

    public Task<string?> FindAsync(string key) =>
        Task.FromResult(erasureOf.TryGetValue(SuppressionHasher.Hash(secret, key), out var erasureId) ? erasureId : null);
}
