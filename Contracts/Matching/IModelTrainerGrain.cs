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
    /// <summary>
    /// Trains on the records already in the system: the current version of every member of every active profile,
    /// read from storage and blocked as ingest would.
    /// </summary>
    /// <remarks>Training on hundreds of thousands of records takes longer than Orleans' default 30 s.</remarks>
    [ResponseTimeout("00:15:00")]
    Task<TrainingOutcome> TrainFromStoredRecordsAsync(string description, bool activate, int seed);

    /// <summary>
    /// Takes a batch of records (a file, sent in batches so no message grows with the file) to train on with
    /// <see cref="TrainOnAddedRecordsAsync"/>; each is normalised as ingest would, and rejected ones are skipped.
    /// </summary>
    Task AddRecordsAsync(ImmutableArray<IncomingRecord> records);

    /// <summary>Trains on the records added, blocked as ingest would, and forgets them.</summary>
    [ResponseTimeout("00:15:00")]
    Task<TrainingOutcome> TrainOnAddedRecordsAsync(string description, bool activate, int seed);
}

/// <summary>The stored model, or why none could be trained (<see cref="Model"/> null).</summary>
[GenerateSerializer, Immutable, Alias("cdm.TrainingOutcome")]
public sealed record TrainingOutcome(
    [property: Id(0)] MatchModelVersion? Model,
    [property: Id(1)] int Records,
    [property: Id(2)] int CandidatePairs,
    [property: Id(3)] string? Refusal);
