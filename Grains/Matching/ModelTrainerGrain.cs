using System.Collections.Immutable;
using Cdm.Contracts.Matching;
using Cdm.Contracts.Records;
using Cdm.Grains.Blocking;
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

    public async Task<TrainingOutcome> TrainFromStoredBlocksAsync(string description, bool activate, int seed)
    {
        var set = new TrainingSet(new BlockingKeys(options.Value.Blocking));
        await foreach (var (key, block) in scanner.ScanAsync<BlockMembership>("block", "block"))
        {
            if (!block.IsOverCap && block.Members.Count > 1)
            {
                set.AddBlock(key, block.Members.Select(static m => (m.Key, MatchFeatures.ToMatchRecord(m.Value))));
            }
        }

        return await TrainAsync(set, description, activate, seed);
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

    public Task<TrainingOutcome> TrainOnAddedRecordsAsync(string description, bool activate, int seed)
    {
        var set = TrainingSet.FromRecords(added, options.Value.Blocking);
        added.Clear();
        return TrainAsync(set, description, activate, seed);
    }

    private async Task<TrainingOutcome> TrainAsync(TrainingSet set, string description, bool activate, int seed)
    {
        DeactivateOnIdle();
        if (!set.IsEnough(out var reason))
        {
            return new TrainingOutcome(null, set.RecordCount, set.PairCount, reason);
        }

        var model = set.Train(seed == 0 ? DefaultSeed : seed);
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
