using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Google.Protobuf;

namespace Cdm.Cli.Commands;

/// <summary>
/// <c>cdm privacy export|erase|receipt</c>: a person's subject access export, their erasure, and an erasure's receipt
/// (privacy officers and admins).
/// </summary>
public static class PrivacyCommand
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(true));

    public static Command Create(Option<string> gateway) => new("privacy", "Answer the requests of the people the data is about.")
    {
        Export(gateway),
        Erase(gateway),
        Receipt(gateway),
    };

    private static Command Erase(Option<string> gateway)
    {
        var lookup = new ProfileLookupOptionSet();
        var confirm = new Option<bool>("--yes") { Description = "Confirm: the erasure cannot be undone." };
        var command = new Command("erase",
            "Erase a person (right to be forgotten) and everything merged into it; their identifiers are suppressed so the next " +
            "import does not re-create them. Prints the receipt (JSON, no personal data). Exit code 3 when no profile holds the lookup.")
        {
            confirm,
        };
        lookup.AddTo(command);
        command.Validators.Add(result =>
        {
            if (!result.GetValue(confirm))
            {
                result.AddError("an erasure cannot be undone: pass --yes to confirm it");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            var request = new EraseSubjectRequest();
            lookup.SetOn(parse, id => request.ProfileId = id, identifier => request.Identifier = identifier, key => request.SourceKey = key);

            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var receipt = await new Privacy.PrivacyClient(channel).EraseSubjectAsync(request, cancellationToken: cancellationToken);
                Console.Out.WriteLine(Json.Format(receipt));
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Receipt(Option<string> gateway)
    {
        var erasureId = new Argument<string>("erasure-id") { Description = "The id a receipt gave (er_ and 24 hex digits)." };
        var command = new Command("receipt", "Print the receipt of an erasure (JSON). Exit code 3 when there is no such erasure.")
        {
            erasureId,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            var id = parse.GetValue(erasureId)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var receipt = await new Privacy.PrivacyClient(channel).GetErasureAsync(new GetErasureRequest { ErasureId = id }, cancellationToken: cancellationToken);
                Console.Out.WriteLine(Json.Format(receipt));
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }

    private static Command Export(Option<string> gateway)
    {
        var lookup = new ProfileLookupOptionSet();
        var output = new Option<FileInfo?>("--out") { Description = "Write the document to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("export",
            "Everything held about a person as one JSON document: golden record with lineage, every source record version, consent " +
            "history, merge history and the audit log. Exit code 3 when no profile holds the lookup.")
        {
            output,
        };
        lookup.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            var request = new ExportSubjectRequest();
            lookup.SetOn(parse, id => request.ProfileId = id, identifier => request.Identifier = identifier, key => request.SourceKey = key);

            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var export = await new Privacy.PrivacyClient(channel).ExportSubjectAsync(request, cancellationToken: cancellationToken);
                if (parse.GetValue(output) is { } file)
                {
                    await File.WriteAllTextAsync(file.FullName, export.Json, cancellationToken);
                    Console.Error.WriteLine($"Wrote the export of profile {export.ProfileId} to {file.FullName}.");
                }
                else
                {
                    Console.Out.WriteLine(export.Json);
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
