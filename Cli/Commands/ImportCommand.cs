using System.CommandLine;
using System.Diagnostics;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Cli.Ingest;
using Cdm.Cli.Records;
using Spectre.Console;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm import FILE</c>: streams the records of a file to the gateway and summarises what happened.</summary>
public static class ImportCommand
{
    public static Command Create(Option<string> gateway)
    {
        var recordOptions = new RecordFileOptionSet();
        var streams = new Option<int>("--streams")
        {
            Description = "Parallel IngestStream calls.",
            HelpName = "N",
            DefaultValueFactory = _ => 4,
        };
        var inFlight = new Option<int>("--in-flight")
        {
            Description = "Records sent but not yet answered, per stream.",
            HelpName = "N",
            DefaultValueFactory = _ => 256,
        };
        var noProgress = new Option<bool>("--no-progress")
        {
            Description = "No live progress bar (it is off anyway when output is redirected).",
        };
        var failOnReject = new Option<bool>("--fail-on-reject")
        {
            Description = "Exit with code 4 when any record is rejected or any line is malformed.",
        };
        streams.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--streams must be at least 1"); } });
        inFlight.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) { r.AddError("--in-flight must be at least 1"); } });

        var command = new Command("import",
            "Import a file of records. CSV needs --source and --id-column; every CSV value is trimmed and empty means missing. " +
            "Rejected records are listed with their line number and do not fail the import unless --fail-on-reject.");
        recordOptions.AddTo(command);
        command.Options.Add(streams);
        command.Options.Add(inFlight);
        command.Options.Add(noProgress);
        command.Options.Add(failOnReject);

        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, () => RunAsync(
                address,
                recordOptions.Bind(parse),
                parse.GetValue(streams),
                parse.GetValue(inFlight),
                showProgress: !parse.GetValue(noProgress) && !Console.IsOutputRedirected,
                parse.GetValue(failOnReject),
                cancellationToken), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string address, RecordFileOptions options, int streams, int inFlight,
        bool showProgress, bool failOnReject, CancellationToken cancellationToken)
    {
        using var reader = RecordFileReader.Open(options);
        using var channel = GatewayConnection.Open(address);
        var importer = new FileImporter(new IngestStreamDriver(new Ingestion.IngestionClient(channel), streams, inFlight));
        var summary = new ImportSummary();
        var clock = Stopwatch.StartNew();

        var work = importer.RunAsync(reader.ReadAll(), summary, cancellationToken);
        try
        {
            if (showProgress)
            {
                await ImportProgress.RunAsync(AnsiConsole.Console, () => reader.Position, reader.Length, summary, work);
            }
            else
            {
                await work;
            }
        }
        catch when (summary.Completed > 0)
        {
            // Say how far the import got before the error is reported.
            ImportReport.Write(AnsiConsole.Console, summary, clock.Elapsed);
            throw;
        }

        ImportReport.Write(AnsiConsole.Console, summary, clock.Elapsed);
        if (summary.NoResult > 0)
        {
            return ExitCodes.Failed;
        }

        return failOnReject && summary.Rejected > 0 ? ExitCodes.Rejected : ExitCodes.Ok;
    }
}
