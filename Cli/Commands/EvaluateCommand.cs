using System.CommandLine;
using System.Text.RegularExpressions;
using Cdm.Api.V1;
using Cdm.Cli.Evaluation;
using Cdm.Cli.Gateway;
using Cdm.Cli.Records;
using Spectre.Console;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm evaluate FILE --truth-column C</c>: scores the gateway's profiles against a labelled file.</summary>
public static class EvaluateCommand
{
    public static Command Create(Option<string> gateway)
    {
        var recordOptions = new RecordFileOptionSet();
        var truthColumn = new Option<string>("--truth-column")
        {
            Description = "Column (CSV) or attribute (JSON Lines) naming each record's true entity.",
            HelpName = "C",
            Required = true,
        };
        var truthPattern = new Option<string?>("--truth-pattern")
        {
            Description = "Regular expression whose first group (or whole match) is the truth id, e.g. 'rec-(\\d+)-' for Febrl's rec_id.",
            HelpName = "REGEX",
        };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        truthPattern.Validators.Add(result =>
        {
            try
            {
                _ = new Regex(result.GetValueOrDefault<string?>() ?? "");
            }
            catch (ArgumentException e)
            {
                result.AddError($"--truth-pattern: {e.Message}");
            }
        });

        var command = new Command("evaluate",
            "Score the gateway's profiles against the truth in a labelled file (the file the records were imported from): " +
            "pairwise precision, recall and F1 over the records found in the cross references. " +
            "Takes the same record options as import.");
        recordOptions.AddTo(command);
        command.Options.Add(truthColumn);
        command.Options.Add(truthPattern);
        command.Options.Add(json);

        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            var options = recordOptions.Bind(parse, parse.GetValue(truthColumn));
            var pattern = parse.GetValue(truthPattern) is { } text ? new Regex(text, RegexOptions.CultureInvariant) : null;
            return CommandErrors.RunAsync(address, async () =>
            {
                // Fail on an unreadable file before fetching a large xref.
                using var reader = RecordFileReader.Open(options);
                using var channel = GatewayConnection.Open(address);
                var xref = await CrossReferenceIndex.LoadAsync(new Profiles.ProfilesClient(channel),
                    options.Format == RecordFileFormat.Csv ? options.Source : null, cancellationToken);
                var result = TruthJoin.Evaluate(reader.ReadAll(), xref, pattern);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(EvaluationReport.ToJson(result));
                }
                else
                {
                    EvaluationReport.Write(AnsiConsole.Console, result);
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
