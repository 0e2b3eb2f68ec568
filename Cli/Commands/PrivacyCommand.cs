using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Cli.Lookup;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm privacy export</c>: a person's subject access export (privacy officers and admins).</summary>
public static class PrivacyCommand
{
    public static Command Create(Option<string> gateway) => new("privacy", "Answer the requests of the people the data is about.")
    {
        Export(gateway),
    };

    private static Command Export(Option<string> gateway)
    {
        var profile = new Option<string?>("--profile") { Description = "The person's profile id.", HelpName = "ID" };
        var identifier = new Option<string?>("--identifier") { Description = "An identifier of the person, e.g. email=a@b.com.", HelpName = "TYPE=VALUE" };
        var sourceKey = new Option<string?>("--source-key") { Description = "One of the person's source records, e.g. crm/12345.", HelpName = "SOURCE/RECORD_ID" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the document to this file instead of standard output.", HelpName = "FILE" };
        var command = new Command("export",
            "Everything held about a person as one JSON document: golden record with lineage, every source record version, consent " +
            "history, merge history and the audit log. Exit code 3 when no profile holds the lookup.")
        {
            profile, identifier, sourceKey, output,
        };
        command.Validators.Add(result =>
        {
            if (new[] { result.GetValue(profile), result.GetValue(identifier), result.GetValue(sourceKey) }.Count(v => v is not null) != 1)
            {
                result.AddError("give exactly one of --profile, --identifier, --source-key");
            }

            if (result.GetValue(identifier) is { } id && !LookupText.TryIdentifier(id, out _))
            {
                result.AddError("--identifier expects TYPE=VALUE");
            }

            if (result.GetValue(sourceKey) is { } key && !LookupText.TrySourceKey(key, out _))
            {
                result.AddError("--source-key expects SOURCE/RECORD_ID");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            var request = new ExportSubjectRequest();
            if (parse.GetValue(profile) is { } id)
            {
                request.ProfileId = id;
            }
            else if (parse.GetValue(identifier) is { } pair && LookupText.TryIdentifier(pair, out var parsedIdentifier))
            {
                request.Identifier = parsedIdentifier;
            }
            else if (parse.GetValue(sourceKey) is { } key && LookupText.TrySourceKey(key, out var parsedKey))
            {
                request.SourceKey = parsedKey;
            }

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
