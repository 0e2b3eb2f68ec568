using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Cli.Lookup;
using Cdm.Cli.Records;
using Cdm.Cli.Resolution;
using Grpc.Core;
using Spectre.Console;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm model train|add|show|list|activate|reresolve</c>: the cluster's probabilistic match models.</summary>
public static class ModelCommand
{
    /// <summary>Records per message of a training upload.</summary>
    private const int UploadBatch = 500;

    public static Command Create(Option<string> gateway)
    {
        var command = new Command("model", "Train, store, show and switch the probabilistic match models of the cluster.");
        command.Subcommands.Add(Train(gateway));
        command.Subcommands.Add(Add(gateway));
        command.Subcommands.Add(Show(gateway));
        command.Subcommands.Add(List(gateway));
        command.Subcommands.Add(Activate(gateway));
        command.Subcommands.Add(ReResolve(gateway));
        return command;
    }

    private static Command Train(Option<string> gateway)
    {
        var recordOptions = new RecordFileOptionSet();
        var activate = new Option<bool>("--activate") { Description = "Make the trained model the active one." };
        var description = new Option<string?>("--description") { Description = "A note stored with the model." };
        var seed = new Option<int>("--seed") { Description = "Seed of the random pairs u is estimated from.", DefaultValueFactory = _ => 0 };
        var fromSystem = new Option<bool>("--from-system")
        {
            Description = "Train on the records already in the system instead of a file (then FILE and the record options are not used).",
        };
        var command = new Command("train",
            "Train a model without labels, from a record file (same options as import; nothing is ingested) or, with --from-system, " +
            "from the records already held. Prints the stored version.");
        recordOptions.AddTo(command, fileOptional: true);
        command.Options.Add(activate);
        command.Options.Add(description);
        command.Options.Add(seed);
        command.Options.Add(fromSystem);

        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            if (!parse.GetValue(fromSystem) && !recordOptions.HasFile(parse))
            {
                Console.Error.WriteLine("cdm model train: give a record FILE, or --from-system to train on the records already held.");
                return Task.FromResult(ExitCodes.Usage);
            }

            var options = new TrainModelRequest
            {
                Activate = parse.GetValue(activate),
                Description = parse.GetValue(description) ?? "",
                Seed = parse.GetValue(seed),
            };
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var client = new Models.ModelsClient(channel);
                TrainModelResponse trained;
                if (parse.GetValue(fromSystem))
                {
                    trained = await client.TrainModelAsync(options, cancellationToken: cancellationToken);
                }
                else
                {
                    using var reader = RecordFileReader.Open(recordOptions.Bind(parse));
                    using var call = client.TrainModelFromRecords(cancellationToken: cancellationToken);
                    var batch = new TrainingRecords { Options = options };
                    foreach (var line in reader.ReadAll())
                    {
                        if (line.Record is null)
                        {
                            continue;
                        }

                        batch.Records.Add(line.Record);
                        if (batch.Records.Count == UploadBatch)
                        {
                            await call.RequestStream.WriteAsync(batch, cancellationToken);
                            batch = new TrainingRecords();
                        }
                    }

                    await call.RequestStream.WriteAsync(batch, cancellationToken);
                    await call.RequestStream.CompleteAsync();
                    trained = await call.ResponseAsync;
                }

                AnsiConsole.MarkupLineInterpolated(
                    $"Stored model version [bold]{trained.Model.Version}[/]{(trained.Model.Active ? " (active)" : "")}: trained on {trained.Records} records, {trained.CandidatePairs} candidate pairs.");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Add(Option<string> gateway)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A model document (JSON), as printed by model show --json." };
        var activate = new Option<bool>("--activate") { Description = "Make it the active model." };
        var description = new Option<string?>("--description") { Description = "A note stored with the model." };
        var command = new Command("add", "Store a model document as the next version.") { file, activate, description };
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                var document = await File.ReadAllTextAsync(parse.GetValue(file)!.FullName, cancellationToken);
                using var channel = GatewayConnection.Open(address);
                var stored = await new Models.ModelsClient(channel).AddModelAsync(
                    new AddModelRequest { Document = document, Activate = parse.GetValue(activate), Description = parse.GetValue(description) ?? "" },
                    cancellationToken: cancellationToken);
                AnsiConsole.MarkupLineInterpolated($"Stored model version [bold]{stored.Version}[/]{(stored.Active ? " (active)" : "")}.");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Show(Option<string> gateway)
    {
        var version = new Option<int>("--version") { Description = "The version to show; the active one when left out.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print the model document (JSON) only." };
        var command = new Command("show", "Show a model: its m and u per comparison level and the weight in bits each level adds. Exit code 3 when there is none.")
        {
            version, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var model = await new Models.ModelsClient(channel).GetModelAsync(new GetModelRequest { Version = parse.GetValue(version) }, cancellationToken: cancellationToken);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(model.Document);
                }
                else
                {
                    ModelRenderer.Write(AnsiConsole.Console, model);
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static Command List(Option<string> gateway)
    {
        var command = new Command("list", "List the stored model versions, newest first.");
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var models = await new Models.ModelsClient(channel).ListModelsAsync(new ListModelsRequest(), cancellationToken: cancellationToken);
                var table = new Table().AddColumns("version", "active", "created", "description");
                foreach (var model in models.Models)
                {
                    table.AddRow(model.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), model.Active ? "yes" : "",
                        model.CreatedAt.ToDateTimeOffset().ToString("u", System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(model.Description));
                }

                AnsiConsole.Write(table);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Activate(Option<string> gateway)
    {
        var version = new Argument<int>("VERSION") { Description = "The version to make active; 0 turns probabilistic matching off." };
        var command = new Command("activate", "Switch the active model (no restart: silos pick it up within Cdm:Matching:ModelRefreshInterval). Exit code 3 for an unknown version.")
        {
            version,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var active = await new Models.ModelsClient(channel).ActivateModelAsync(new ActivateModelRequest { Version = parse.GetValue(version) }, cancellationToken: cancellationToken);
                AnsiConsole.MarkupLineInterpolated($"Active model: {(active.Version == 0 ? "none (deterministic identifiers only)" : "version " + active.Version)}.");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static Command ReResolve(Option<string> gateway)
    {
        var version = new Option<int>("--version") { Description = "The model version to re-resolve with; the active one when left out.", DefaultValueFactory = _ => 0 };
        var apply = new Option<bool>("--apply") { Description = "Make the merges and splits; without it (shadow mode) they are only reported." };
        var examples = new Option<int>("--examples") { Description = "How many merges and how many splits to print.", DefaultValueFactory = _ => 10 };
        var noProgress = new Option<bool>("--no-progress") { Description = "No progress bar (it is off anyway when output is redirected)." };
        var command = new Command("reresolve",
            "Re-resolve every profile with a model: report the merges and splits it implies (shadow mode, the default) or, with --apply, make them. " +
            "Run it when ingest is quiet. Exit code 3 for an unknown version.")
        {
            version, apply, examples, noProgress,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            var request = new ReResolveRequest { ModelVersion = parse.GetValue(version), Apply = parse.GetValue(apply), MaxExamples = Math.Max(0, parse.GetValue(examples)) };
            var showProgress = !parse.GetValue(noProgress) && !Console.IsOutputRedirected;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                using var call = new Models.ModelsClient(channel).ReResolve(request, cancellationToken: cancellationToken);
                ReResolveSummary? summary = null;
                if (showProgress)
                {
                    await AnsiConsole.Progress()
                        .AutoClear(false)
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                        .StartAsync(async context =>
                        {
                            var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                            await foreach (var step in call.ResponseStream.ReadAllAsync(cancellationToken))
                            {
                                summary ??= step.Summary;
                                foreach (var other in tasks.Where(t => t.Key != step.Phase))
                                {
                                    other.Value.Value = other.Value.MaxValue;
                                }

                                if (step.Summary is not null)
                                {
                                    break;
                                }

                                if (!tasks.TryGetValue(step.Phase, out var task))
                                {
                                    tasks[step.Phase] = task = context.AddTask(step.Phase, maxValue: 1);
                                    task.IsIndeterminate = step.Total == 0;
                                }

                                task.IsIndeterminate = step.Total == 0;
                                task.MaxValue = Math.Max(1, step.Total);
                                task.Value = Math.Min(task.MaxValue, step.Done);
                                task.Description = $"{step.Phase} {step.Done:N0}" + (step.Total > 0 ? $"/{step.Total:N0}" : "");
                            }
                        });
                }
                else
                {
                    await foreach (var step in call.ResponseStream.ReadAllAsync(cancellationToken))
                    {
                        summary ??= step.Summary;
                    }
                }

                if (summary is null)
                {
                    await Console.Error.WriteLineAsync("The re-resolution ended without a summary.");
                    return ExitCodes.Failed;
                }

                ReResolveReport.Write(AnsiConsole.Console, summary);
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
