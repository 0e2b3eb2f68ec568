using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Cli.Lookup;
using Spectre.Console;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm audit</c>: the audit log of a profile or of a caller (privacy officers and admins).</summary>
public static class AuditCommand
{
    public static Command Create(Option<string> gateway)
    {
        var profile = new Option<string?>("--profile") { Description = "A profile id (its merged profiles included).", HelpName = "ID" };
        var identifier = new Option<string?>("--identifier") { Description = "An identifier of the person, e.g. email=a@b.com.", HelpName = "TYPE=VALUE" };
        var caller = new Option<string?>("--caller") { Description = "A caller as the log names it, e.g. \"key:3f9c0a1b2c3d4e5f (bi)\".", HelpName = "NAME" };
        var limit = new Option<int>("--limit") { Description = "At most this many entries, newest first.", DefaultValueFactory = _ => 100 };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--limit must be at least 1");
            }
        });
        var json = new Option<bool>("--json") { Description = "Print protobuf JSON, one page per line." };
        var command = new Command("audit", "Who read or changed a profile, or what a caller read and changed: when, what, for which purpose. Exit code 3 when no profile holds the lookup.")
        {
            profile, identifier, caller, limit, json,
        };
        command.Validators.Add(result =>
        {
            if (new[] { result.GetValue(profile), result.GetValue(identifier), result.GetValue(caller) }.Count(v => v is not null) != 1)
            {
                result.AddError("give exactly one of --profile, --identifier, --caller");
            }

            if (result.GetValue(identifier) is { } id && !LookupText.TryIdentifier(id, out _))
            {
                result.AddError("--identifier expects TYPE=VALUE");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var client = new Audit.AuditClient(channel);
                var request = new ListAuditEntriesRequest();
                if (parse.GetValue(profile) is { } id)
                {
                    request.ProfileId = id;
                }
                else if (parse.GetValue(identifier) is { } pair && LookupText.TryIdentifier(pair, out var parsed))
                {
                    request.Identifier = parsed;
                }
                else
                {
                    request.Caller = parse.GetValue(caller)!;
                }

                var left = parse.GetValue(limit);
                var table = new Table().AddColumns("at", "caller", "action", "profile", "purpose", "source");
                do
                {
                    request.PageSize = Math.Min(left, 1000);
                    var page = await client.ListAuditEntriesAsync(request, cancellationToken: cancellationToken);
                    if (parse.GetValue(json))
                    {
                        Console.Out.WriteLine(ProtoJson.Format(page));
                    }

                    foreach (var entry in page.Entries)
                    {
                        table.AddRow(Cells.Row(Cells.Time(entry.At), entry.Caller, entry.Action.ToString(), entry.ProfileId, entry.Purpose, entry.Source));
                    }

                    left -= page.Entries.Count;
                    request.PageToken = page.NextPageToken;
                }
                while (left > 0 && request.PageToken.Length > 0);

                if (!parse.GetValue(json))
                {
                    AnsiConsole.Write(table);
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
