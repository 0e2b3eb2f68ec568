using System.CommandLine;
using Cdm.Bench.Load;

namespace Cdm.Bench.Commands;

/// <summary><c>run</c>: drives concurrent ingest streams and reports throughput, latency and the ceilings.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var gateway = BenchOptions.Gateway();
        var records = new Option<long>("--records") { Description = "Records to measure (after the warm-up).", HelpName = "N", DefaultValueFactory = _ => 10_000 };
        var streams = new Option<int>("--streams") { Description = "Concurrent IngestStream calls.", HelpName = "K", DefaultValueFactory = _ => 4 };
        var inFlight = new Option<int>("--in-flight") { Description = "Records awaiting their result, per stream.", HelpName = "M", DefaultValueFactory = _ => 256 };
        var seed = BenchOptions.Seed();
        var warmup = new Option<long>("--warmup") { Description = "Records sent first and left out of the figures.", HelpName = "M", DefaultValueFactory = _ => 0 };
        var file = new Option<string?>("--file") { Description = "Send the records of this JSON Lines file instead of generated ones: all of them, or the warm-up plus --records when it is given.", HelpName = "FILE" };
        var region = BenchOptions.PhoneRegion();
        var ceilingSeconds = new Option<double>("--ceiling-seconds")
        {
            Description = "Seconds of empty round trips (health Check) at K and at K x in-flight concurrency; 0 skips.",
            DefaultValueFactory = _ => 5,
        };
        var storageSeconds = new Option<double>("--storage-seconds")
        {
            Description = "Seconds of each storage write measurement (SQLite FULL and NORMAL, and PostgreSQL with --postgres; 1 and 64 writers); 0 skips.",
            DefaultValueFactory = _ => 3,
        };
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = "Folder for the SQLite measurement file: the server's data folder, so the same disk is measured (default: the temp folder).",
            HelpName = "DIR",
        };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Also measure single-row durable upserts on this PostgreSQL database (Npgsql connection string), in a scratch table created and dropped.",
            HelpName = "CONNECTION_STRING",
        };
        var serverPid = new Option<int?>("--server-pid") { Description = "Process id of the server, to read its peak memory (VmHWM).", HelpName = "PID" };
        var embedded = new Option<string?>("--start-embedded")
        {
            Description = "Start the server as `dotnet DLL --urls http://127.0.0.1:PORT --data-dir TMP`, run against it, then stop it and remove TMP.",
            HelpName = "DLL",
        };
        var json = new Option<string?>("--json") { Description = "Also write the figures to this file as JSON.", HelpName = "FILE" };
        var truth = new Option<string?>("--truth") { Description = "Write the truth of the generated records to this CSV file, for `verify`.", HelpName = "FILE" };
        var verify = new Option<bool>("--verify") { Description = "After the load, compare the server's profiles with the truth (generated records only)." };
        var matchModel = new Option<string>("--match-model")
        {
            Description = "`train`: before the load, train a match model on the records (TrainModelFromRecords) and activate it, so " +
                "probabilistic matching is on; `none` (default): whatever the server has.",
            DefaultValueFactory = _ => "none",
        };
        matchModel.AcceptOnlyFromAmong("none", "train");
        var reResolve = new Option<bool>("--reresolve") { Description = "After the load, time a shadow re-resolution of every profile with the active model." };
        streams.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--streams must be at least 1"); } });
        postgres.Validators.Add(r =>
        {
            try
            {
                _ = PostgresTarget.Describe(r.GetValueOrDefault<string?>() ?? "");
            }
            catch (ArgumentException e)
            {
                r.AddError($"--postgres is not a connection string: {e.Message}");
            }
        });
        inFlight.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--in-flight must be at least 1"); } });

        var command = new Command("run", "Measure ingestion throughput and latency against a gateway, with the transport and storage ceilings.")
        {
            gateway, records, streams, inFlight, seed, warmup, file, region, ceilingSeconds, storageSeconds, dataDir, postgres, serverPid, embedded, json, truth, verify, matchModel, reResolve,
        };
        command.SetAction((parse, cancellationToken) => BenchErrors.RunAsync(() => LoadRun.RunAsync(new LoadSettings
        {
            Gateway = parse.GetValue(gateway)!,
            Records = parse.GetValue(records),
            RecordsGiven = parse.GetResult(records) is { Implicit: false },
            Warmup = parse.GetValue(warmup),
            Streams = parse.GetValue(streams),
            InFlight = parse.GetValue(inFlight),
            Seed = parse.GetValue(seed),
            Region = BenchOptions.Region(parse, region),
            File = parse.GetValue(file),
            CeilingDuration = TimeSpan.FromSeconds(parse.GetValue(ceilingSeconds)),
            StorageDuration = TimeSpan.FromSeconds(parse.GetValue(storageSeconds)),
            DataDirectory = parse.GetValue(dataDir),
            PostgresConnectionString = parse.GetValue(postgres),
            ServerProcessId = parse.GetValue(serverPid),
            EmbeddedServerDll = parse.GetValue(embedded),
            JsonPath = parse.GetValue(json),
            TruthPath = parse.GetValue(truth),
            Verify = parse.GetValue(verify),
            TrainModel = parse.GetValue(matchModel) == "train",
            ReResolve = parse.GetValue(reResolve),
        }, Console.Out, cancellationToken)));
        return command;
    }
}
