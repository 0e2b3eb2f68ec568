using System.Threading.Channels;
using Cdm.Api.V1;
using Cdm.Bench.Generation;
using Cdm.Bench.Truth;
using Cdm.Cli.Evaluation;
using Cdm.Cli.Gateway;
using Cdm.Cli.Ingest;
using Grpc.Core;

namespace Cdm.ClusterProcessTests;

/// <summary>
/// Generated customer records with their expected profiles (the connected components of shared identifiers),
/// sent through a gateway as a client would: concurrent streams, and records whose outcome is unknown (a
/// stream broke) sent again, which idempotent ingest makes safe.
/// </summary>
public sealed class ClusterLoad
{
    private readonly List<SourceRecord> records = [];
    private readonly TruthBuilder truth = new(PhoneRegion.Us);

    public ClusterLoad(int count, int seed)
    {
        foreach (var (record, person) in new CustomerGenerator(new GeneratorOptions(count, seed, PhoneRegion.Us)).Generate())
        {
            records.Add(record);
            truth.Add(record, person);
        }

        Tracker = new AcknowledgementTracker(records.Count);
    }

    public int Count => records.Count;

    public AcknowledgementTracker Tracker { get; }

    /// <summary>Number of passes it took until every record was answered (1 when nothing had to be resent).</summary>
    public int Passes { get; private set; }

    public async Task SendAsync(string gateway, int streams, int inFlight, CancellationToken cancellationToken)
    {
        using var channel = GatewayConnection.Open(gateway);
        var driver = new IngestStreamDriver(new Ingestion.IngestionClient(channel), streams, inFlight);
        List<int> pending = [.. Enumerable.Range(0, records.Count)];
        while (pending.Count > 0)
        {
            Passes++;
            if (Passes > 10)
            {
                throw new InvalidOperationException($"{pending.Count} records still unanswered after 10 passes");
            }

            var queue = Channel.CreateUnbounded<OutgoingRecord>();
            foreach (var i in pending)
            {
                queue.Writer.TryWrite(new OutgoingRecord(i, records[i]));
            }

            queue.Writer.Complete();
            try
            {
                await driver.RunAsync(queue.Reader, Tracker, cancellationToken);
            }
            catch (RpcException)
            {
                // A stream ended with an error: what it left unanswered goes again in the next pass.
            }

            pending = [.. Tracker.Unanswered()];
        }
    }

    /// <summary>
    /// Reads the cross references until they equal the expected profiles (sagas interrupted by a lost silo are
    /// finished in the background) or the deadline passes; returns the last comparison and the number of records
    /// listed more than once.
    /// </summary>
    public async Task<(PartitionReport Report, int Duplicates)> VerifyAsync(string gateway, TimeSpan patience, CancellationToken cancellationToken)
    {
        using var channel = GatewayConnection.Open(gateway);
        var client = new Profiles.ProfilesClient(channel);
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var (xref, duplicates) = await ReadCrossReferencesAsync(client, cancellationToken);
            var report = PartitionComparison.Compare(truth.Entries(), xref);
            if ((report.IsExact && duplicates == 0) || DateTime.UtcNow > deadline)
            {
                return (report, duplicates);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    /// <summary>A sample of records looked up one by one by source key: each must be in the profile the cross references name.</summary>
    public async Task<int> CountLookupMismatchesAsync(string gateway, int sample, CancellationToken cancellationToken)
    {
        using var channel = GatewayConnection.Open(gateway);
        var client = new Profiles.ProfilesClient(channel);
        var (xref, _) = await ReadCrossReferencesAsync(client, cancellationToken);
        var mismatches = 0;
        foreach (var record in records.Where((_, i) => i % Math.Max(1, records.Count / sample) == 0))
        {
            var profile = await client.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", SourceKey = new SourceKey { Source = record.Source, RecordId = record.RecordId } }, cancellationToken: cancellationToken);
            if (!xref.TryGetValue(new RecordKey(record.Source, record.RecordId), out var expected) || expected != profile.ProfileId)
            {
                mismatches++;
            }
        }

        return mismatches;
    }

    private static async Task<(Dictionary<RecordKey, string> Xref, int Duplicates)> ReadCrossReferencesAsync(Profiles.ProfilesClient client, CancellationToken cancellationToken)
    {
        var xref = new Dictionary<RecordKey, string>();
        var duplicates = 0;
        using var call = client.ListCrossReferences(new ListCrossReferencesRequest(), cancellationToken: cancellationToken);
        await foreach (var reference in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (!xref.TryAdd(new RecordKey(reference.Source, reference.RecordId), reference.ProfileId))
            {
                duplicates++;
            }
        }

        return (xref, duplicates);
    }
}
