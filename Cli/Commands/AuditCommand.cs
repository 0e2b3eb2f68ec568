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
        var lookup = new ProfileLookupOptionSet();
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
            caller, limit, json,
        };
        lookup.AddTo(command, ("--caller", result => result.GetValue(caller)));
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var client = new Audit.AuditClient(channel);
                var request = new ListAuditEntriesRequest();
                if (!lookup.SetOn(parse, id => request.ProfileId = id, identifier => request.Identifier = identifier, key => request.SourceKey = key))
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
