using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;

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
            var (profileId, identifier, sourceKey) = lookup.Read(parse);
            var request = new ExportSubjectRequest();
            if (profileId is not null)
            {
                request.ProfileId = profileId;
            }
            else if (identifier is not null)
            {
                request.Identifier = identifier;
            }
            else
            {
                request.SourceKey = sourceKey;
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
