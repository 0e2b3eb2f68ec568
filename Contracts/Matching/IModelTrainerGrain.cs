using System.Collections.Immutable;
using Cdm.Contracts.Records;

namespace Cdm.Contracts.Matching;

/// <summary>
/// Trains match models without labels and stores them in the registry. Use a fresh key per training: it runs
/// long and holds nothing afterwards.
/// </summary>
[Alias("cdm.IModelTrainerGrain")]
public interface IModelTrainerGrain : IGrainWithGuidKey
{
    /// <summary>Trains on the blocks held in storage (the records already in the system).</summary>
    Task<TrainingOutcome> TrainFromStoredBlocksAsync(string description, bool activate, int seed);

    /// <summary>Trains on <paramref name="records"/> (a file), normalised and blocked as ingest would.</summary>
    Task<TrainingOutcome> TrainFromRecordsAsync(ImmutableArray<IncomingRecord> records, string description, bool activate, int seed);
}

/// <summary>The stored model, or why none could be trained (<see cref="Model"/> null).</summary>
[GenerateSerializer, Immutable, Alias("cdm.TrainingOutcome")]
public sealed record TrainingOutcome(
    [property: Id(0)] MatchModelVersion? Model,
    [property: Id(1)] int Records,
    [property: Id(2)] int CandidatePairs,
    [property: Id(3)] string? Refusal);
