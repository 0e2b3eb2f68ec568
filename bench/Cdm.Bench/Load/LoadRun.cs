using System.Diagnostics;
using System.Threading.Channels;
using Cdm.Api.V1;
using Cdm.Bench.Generation;
using Cdm.Bench.Truth;
using Cdm.Cli.Evaluation;
using Cdm.Cli.Gateway;
using Cdm.Cli.Ingest;
using Cdm.Cli.Records;
using Grpc.Core;

namespace Cdm.Bench.Load;

/// <summary>
/// One benchmark run: optionally start the server, send the records through concurrent streams, then
/// measure the ceilings (empty round trips, SQLite writes, PostgreSQL upserts) and the server's peak memory, and report.
/// </summary>
public static class LoadRun
{
    private const int MaxWideConcurrency = 1024;

    public static async Task<int> RunAsync(LoadSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        EmbeddedServer? server = null;
        try
        {
            var gateway = settings.Gateway;
            var processId = settings.ServerProcessId;
            var dataDirectory = settings.DataDirectory;
            if (settings.EmbeddedServerDll is { } dll)
            {
                output.WriteLine($"starting {dll} ...");
                try
                {
                    server = await EmbeddedServer.StartAsync(dll, TimeSpan.FromMinutes(2), cancellationToken);
                }
                catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
                {
                    Console.Error.WriteLine($"error: {e.Message}");
                    return 1;
                }

                (gateway, processId) = (server.Address, server.ProcessId);
                dataDirectory ??= server.DataDirectory;
                output.WriteLine($"server {processId} serving on {gateway}, data in {server.DataDirectory}");
            }

            var (records, truth, input) = Prepare(settings, output);
            if (settings.TruthPath is { } truthPath && truth is not null)
            {
                TruthFile.Write(truthPath, truth.Entries());
            }

            var warmup = (int)Math.Min(settings.Warmup, records.Count);
            using var channel = GatewayConnection.Open(gateway);
            var matching = "as configured on the server";
            if (settings.TrainModel)
            {
                output.WriteLine($"training a match model on {records.Count:N0} records ...");
                try
                {
                    matching = await ModelTraining.TrainAndActivateAsync(new Models.ModelsClient(channel), records, settings.Seed, cancellationToken);
                }
                catch (RpcException e)
                {
                    Console.Error.WriteLine(RpcErrorFormatter.Format(e, gateway));
                    return 1;
                }

                output.WriteLine($"matching {matching}");
            }

            var client = new Ingestion.IngestionClient(channel);
            var driver = new IngestStreamDriver(client, settings.Streams, settings.InFlight);

            string? error = null;
            if (warmup > 0)
            {
                output.WriteLine($"warm-up: {warmup:N0} records ...");
                error = await DriveAsync(driver, records, 0, warmup, new LatencyObserver(warmup), gateway, cancellationToken);
            }

            var measured = records.Count - warmup;
            var observer = new LatencyObserver(measured);
            var startedAt = Stopwatch.GetTimestamp();
            if (error is null)
            {
                output.WriteLine($"load: {measured:N0} records ...");
                error = await DriveAsync(driver, records, warmup, measured, observer, gateway, cancellationToken);
            }

            var ingest = observer.Figures(startedAt, error);
            var report = new BenchReport
            {
                Gateway = gateway,
                Input = input,
                Warmup = warmup,
                Streams = settings.Streams,
                InFlightPerStream = settings.InFlight,
                Ingest = ingest,
                Matching = matching,
                MatchingOn = settings.TrainModel,
            };

            if (settings.CeilingDuration > TimeSpan.Zero)
            {
                output.WriteLine("empty round trips ...");
                var wide = Math.Min(MaxWideConcurrency, settings.Streams * settings.InFlight);
                report = report with
                {
                    EmptyRoundTrips = await EmptyRoundTrips.MeasureAsync(channel, settings.Streams, settings.CeilingDuration, cancellationToken),
                    EmptyRoundTripsWide = wide > settings.Streams
                        ? await EmptyRoundTrips.MeasureAsync(channel, wide, settings.CeilingDuration, cancellationToken)
                        : null,
                };
            }

            if (settings.StorageDuration > TimeSpan.Zero)
            {
                var directory = dataDirectory ?? Path.GetTempPath();
                output.WriteLine($"SQLite writes in {directory} ...");
                report = report with
                {
                    StorageDirectory = directory,
                    Storage = [.. from synchronous in new[] { "FULL", "NORMAL" }
                                  from writers in new[] { 1, 64 }
                                  select SqliteCeiling.Measure(directory, synchronous, writers, settings.StorageDuration)],
                };
            }

            if (settings.StorageDuration > TimeSpan.Zero && settings.PostgresConnectionString is { } postgres)
            {
                var target = PostgresTarget.Describe(postgres);
                output.WriteLine($"PostgreSQL upserts on {target} ...");
                var figures = new List<PostgresFigure>();
                foreach (var writers in new[] { 1, 64 })
                {
                    figures.Add(await PostgresCeiling.MeasureAsync(postgres, writers, settings.StorageDuration, cancellationToken));
                }

                report = report with { PostgresTarget = target, Postgres = figures };
            }

            if (settings.Verify && truth is not null && error is null)
            {
                var xref = await CrossReferenceIndex.LoadAsync(new Profiles.ProfilesClient(channel), null, cancellationToken);
                report = report with
                {
                    Verification = PartitionComparison.Compare(truth.Entries(), xref),
                    AgainstPeople = PartitionComparison.AgainstPeople(truth.Entries(), xref),
                };
            }

            if (settings.ReResolve && error is null)
            {
                output.WriteLine("re-resolving (shadow) ...");
                report = report with { ReResolve = await ReResolveTiming.MeasureAsync(new Models.ModelsClient(channel), 0, apply: false, cancellationToken) };
            }

            if (processId is { } pid)
            {
                report = report with { ServerPeakMemoryKib = ServerMemory.PeakKib(pid) };
            }

            output.WriteLine();
            BenchReportWriter.WriteText(output, report);
            if (settings.JsonPath is { } jsonPath)
            {
                BenchReportWriter.WriteJson(jsonPath, report);
            }

            // With matching on, exactness against the identifier components cannot be claimed; a record in no profile still fails.
            var failed = error is not null || ingest.NoResult > 0
                || (settings.TrainModel ? report.Verification is { Missing: > 0 } : report.Verification is { IsExact: false });
            return failed ? 1 : 0;
        }
        finally
        {
            if (server is not null)
            {
                output.WriteLine("stopping the server ...");
                await server.DisposeAsync();
            }
        }
    }

    private static (List<SourceRecord> Records, TruthBuilder? Truth, string Input) Prepare(LoadSettings settings, TextWriter output)
    {
        if (settings.File is { } file)
        {
            using var reader = RecordFileReader.Open(new RecordFileOptions { Path = file, Format = RecordFileFormat.JsonLines });
            var lines = reader.ReadAll().ToList();
            var records = lines.Where(l => l.Record is not null).Select(l => l.Record!).ToList();
            var malformed = lines.Count - records.Count;
            FileRecords.Limit(records, settings);

            return (records, null, $"{file} ({records.Count:N0} records{(malformed > 0 ? $", {malformed:N0} malformed lines skipped" : "")})");
        }

        var total = settings.Warmup + settings.Records;
        output.WriteLine($"generating {total:N0} records (seed {settings.Seed}) ...");
        var truth = new TruthBuilder(settings.Region);
        var generated = new List<SourceRecord>((int)Math.Min(total, int.MaxValue));
        foreach (var (record, person) in new CustomerGenerator(new GeneratorOptions(total, settings.Seed, settings.Region)).Generate())
        {
            generated.Add(record);
            truth.Add(record, person);
        }

        return (generated, truth, $"{total:N0} generated records (seed {settings.Seed}, phones {settings.Region.Code})");
    }

    /// <summary>Sends records[offset..offset+count) tagged 0..count-1; returns the error line when the gateway failed.</summary>
    private static async Task<string?> DriveAsync(IngestStreamDriver driver, List<SourceRecord> records, int offset, int count,
        IIngestObserver observer, string gateway, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<OutgoingRecord>(new BoundedChannelOptions(driver.Streams * 64) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var feeding = Task.Run(async () =>
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    await queue.Writer.WriteAsync(new OutgoingRecord(i, records[offset + i]), stop.Token);
                }

                queue.Writer.Complete();
            }
            catch (OperationCanceledException)
            {
                queue.Writer.TryComplete();
            }
        }, CancellationToken.None);

        try
        {
            await driver.RunAsync(queue.Reader, observer, stop.Token);
            return null;
        }
        catch (RpcException e)
        {
            return RpcErrorFormatter.Format(e, gateway);
        }
        finally
        {
            await stop.CancelAsync();
            await feeding;
        }
    }
}
