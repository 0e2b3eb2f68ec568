using Cdm.Contracts.Matching;
using Microsoft.Extensions.Options;

namespace Cdm.Grains.Matching;

/// <summary>
/// The active match model as this silo knows it: read from the registry, then reused for
/// <see cref="MatchingOptions.ModelRefreshInterval"/>, so a switch reaches every silo within that interval and no
/// ingest waits on the registry grain. Thread-safe.
/// </summary>
public sealed class ActiveMatchModel(IGrainFactory grainFactory, IOptions<MatchingOptions> options, TimeProvider time)
{
    private readonly TimeSpan refresh = options.Value.ModelRefreshInterval;
    private readonly object gate = new();
    private Task<LoadedMatchModel>? loading;
    private LoadedMatchModel? current;
    private long loadedAt;

    /// <summary>The model in use (null model: none active).</summary>
    public ValueTask<LoadedMatchModel> GetAsync()
    {
        var known = current;
        if (known is not null && time.GetElapsedTime(loadedAt) < refresh)
        {
            return ValueTask.FromResult(known);
        }

        lock (gate)
        {
            // One read at a time; concurrent callers share it.
            loading ??= LoadAsync();
            return new ValueTask<LoadedMatchModel>(loading);
        }
    }

    /// <summary>Forgets the cached model, so the next ingest on this silo reads the registry.</summary>
    public void Invalidate()
    {
        lock (gate)
        {
            current = null;
        }
    }

    private async Task<LoadedMatchModel> LoadAsync()
    {
        try
        {
            var active = await grainFactory.GetGrain<IMatchModelGrain>(IMatchModelGrain.Key).GetActiveAsync();
            var loaded = active?.Document is { } document
                ? new LoadedMatchModel(active.Version, current is { } held && held.Version == active.Version ? held.Model : MatchModelJson.Parse(document).Model)
                : LoadedMatchModel.None;
            lock (gate)
            {
                current = loaded;
                loadedAt = time.GetTimestamp();
            }

            return loaded;
        }
        finally
        {
            lock (gate)
            {
                loading = null;
            }
        }
    }
}

/// <summary>A model and its registry version; <see cref="None"/> when no model is active.</summary>
public sealed record LoadedMatchModel(int Version, MatchModel? Model)
{
    public static LoadedMatchModel None { get; } = new(0, null);
}
