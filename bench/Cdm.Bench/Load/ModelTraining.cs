using Cdm.Api.V1;
using Grpc.Core;

namespace Cdm.Bench.Load;

/// <summary>
/// Trains a match model on the records about to be sent (<c>TrainModelFromRecords</c>, nothing ingested) and
/// activates it, so the load runs with probabilistic matching on.
/// </summary>
public static class ModelTraining
{
    private const int UploadBatch = 1_000;

    /// <summary>What the report says about matching: the model version and what it was trained on.</summary>
    public static async Task<string> TrainAndActivateAsync(Models.ModelsClient client, IReadOnlyList<SourceRecord> records, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(records);
        using var call = client.TrainModelFromRecords(cancellationToken: cancellationToken);
        var batch = new TrainingRecords { Options = new TrainModelRequest { Activate = true, Description = $"bench, {records.Count:N0} generated records", Seed = seed } };
        foreach (var record in records)
        {
            batch.Records.Add(record);
            if (batch.Records.Count == UploadBatch)
            {
                await call.RequestStream.WriteAsync(batch, cancellationToken);
                batch = new TrainingRecords();
            }
        }

        await call.RequestStream.WriteAsync(batch, cancellationToken);
        await call.RequestStream.CompleteAsync();
        var trained = await call.ResponseAsync;
        return $"on: model version {trained.Model.Version}, trained on {trained.Records:N0} records in blocks, {trained.CandidatePairs:N0} candidate pairs";
    }
}
