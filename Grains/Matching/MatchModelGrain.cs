using System.Collections.Immutable;
using Cdm.Contracts.Matching;
using Cdm.Grains.Storage;

namespace Cdm.Grains.Matching;

/// <summary>The registry of match models (<see cref="IMatchModelGrain"/>). Read rarely: resolvers cache the active model.</summary>
[GrainType("match-model")]
public sealed class MatchModelGrain(TimeProvider time) : Grain, IMatchModelGrain
{
    private StoredState<MatchModelState> state = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new StoredState<MatchModelState>(GrainContext, "match-model");
        return state.ReadAsync();
    }

    public async Task<MatchModelVersion> AddAsync(string document, string description, bool activate)
    {
        var (parsed, _) = MatchModelJson.Parse(document);
        var stored = new StoredMatchModel
        {
            Version = state.State.Versions.Count == 0 ? 1 : state.State.Versions.Max(v => v.Version) + 1,
            Description = description ?? "",
            CreatedAt = time.GetUtcNow(),
            // Stored in the canonical form, whatever spacing the caller sent.
            Document = MatchModelJson.Serialise(parsed),
        };
        state.State.Versions.Add(stored);
        if (activate)
        {
            state.State.ActiveVersion = stored.Version;
        }

        await state.WriteAsync();
        return stored.ToVersion(activate, withDocument: false);
    }

    public async Task<MatchModelVersion?> ActivateAsync(int version)
    {
        var stored = version == 0 ? null : Find(version) ?? throw new ArgumentException($"There is no match model version {version}.", nameof(version));
        if (state.State.ActiveVersion != version)
        {
            state.State.ActiveVersion = version;
            await state.WriteAsync();
        }

        return stored?.ToVersion(active: true, withDocument: false);
    }

    public Task<MatchModelVersion?> GetActiveAsync() =>
        Task.FromResult(Find(state.State.ActiveVersion)?.ToVersion(active: true, withDocument: true));

    public Task<MatchModelVersion?> GetAsync(int version) =>
        Task.FromResult(Find(version)?.ToVersion(version == state.State.ActiveVersion, withDocument: true));

    public Task<ImmutableArray<MatchModelVersion>> ListAsync() => Task.FromResult<ImmutableArray<MatchModelVersion>>(
        [.. state.State.Versions.OrderByDescending(v => v.Version).Select(v => v.ToVersion(v.Version == state.State.ActiveVersion, withDocument: false))]);

    public async Task<int> ForgetValuesAsync(ImmutableDictionary<string, ImmutableDictionary<string, int>> values)
    {
        var removed = 0;
        foreach (var stored in state.State.Versions)
        {
            var (document, _) = MatchModelJson.Parse(stored.Document);
            var (forgotten, count) = TermFrequencyErasure.Forget(document, values);
            if (count > 0)
            {
                stored.Document = MatchModelJson.Serialise(forgotten);
                removed += count;
            }
        }

        if (removed > 0)
        {
            await state.WriteAsync();
        }

        return removed;
    }

    private StoredMatchModel? Find(int version) => version == 0 ? null : state.State.Versions.Find(v => v.Version == version);
}
