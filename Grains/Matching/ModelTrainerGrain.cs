using System.Collections.Immutable;
using Cdm.Contracts.Matching;
using Cdm.Contracts.Records;
using Cdm.Grains.Profiles;
using Cdm.Grains.Normalisation;
using Cdm.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Cdm.Grains.Matching;

/// <summary>Trains models (<see cref="IModelTrainerGrain"/>) and hands them to the registry.</summary>
[GrainType("model-trainer")]
public sealed class ModelTrainerGrain(
    IGrainStateScanner scanner, RecordNormaliser normaliser, IOptions<MatchingOptions> options, ActiveMatchModel activeModel, TimeProvider time)
    : Grain, IModelTrainerGrain
{
    private const int DefaultSeed = 1;

    // The records of a file being trained on, between AddRecordsAsync and TrainOnAddedRecordsAsync.
    private readonly List<RecordVersion> added = [];

    public async Task<TrainingOutcome> TrainFromStoredRecordsAsync(string description, bool activate, int seed)
    {
        // The profiles, not the blocks: they hold each record's current version whole, so the training set is
        // blocked exactly as a file would be, under the rules configured now.
        var versions = new List<RecordVersion>();
        await foreach (var (_, profile) in scanner.ScanAsync<ProfileState>("profile", "profile"))
        {
            if (profile.Status == ProfileStatus.Active)
            {
                versions.AddRange(profile.Members.Values.Select(static m => m.Current));
            }
        }

        return await TrainAsync(await Task.Run(() => TrainingSet.FromRecords(versions, options.Value.Blocking)), description, activate, seed);
    }

    public Task AddRecordsAsync(ImmutableArray<IncomingRecord> records)
    {
        var now = time.GetUtcNow();
        foreach (var record in records)
        {
            if (normaliser.Normalise(record, now).Version is { } version)
            {
                added.Add(version);
            }
        }

        return Task.CompletedTask;
    }

    public async Task<TrainingOutcome> TrainOnAddedRecordsAsync(string description, bool activate, int seed)
    {
        var set = await Task.Run(() => TrainingSet.FromRecords(added, options.Value.Blocking));
        added.Clear();
        return await TrainAsync(set, description, activate, seed);
    }

    private async Task<TrainingOutcome> TrainAsync(TrainingSet set, string description, bool activate, int seed)
    {
        DeactivateOnIdle();
        if (!set.IsEnough(out var reason))
        {
            return new TrainingOutcome(null, set.RecordCount, set.PairCount, reason);
        }

        // Training takes a minute on hundreds of thousands of records: on a pool thread, not the grain's turn, which
        // would hold one of the scheduler's threads all that time.
        var model = await Task.Run(() => set.Train(seed == 0 ? DefaultSeed : seed));
        var text = description.Length > 0 ? description : $"trained on {set.RecordCount} records, {set.PairCount} candidate pairs";
        var stored = await GrainFactory.GetGrain<IMatchModelGrain>(IMatchModelGrain.Key)
            .AddAsync(MatchModelJson.Serialise(model.ToDocument()), text, activate);
        if (activate)
        {
            activeModel.Invalidate();
        }

        return new TrainingOutcome(stored, set.RecordCount, set.PairCount, null);
    }
}
