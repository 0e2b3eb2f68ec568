using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Cli.Lookup;
using Spectre.Console;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm explain PROFILE_ID</c>: why each record is in a profile.</summary>
public static class ExplainCommand
{
    public static Command Create(Option<string> gateway)
    {
        var profileId = new Argument<string>("PROFILE_ID") { Description = "Profile id (a merged id answers for the profile it went into)." };
        var json = new Option<bool>("--json") { Description = "Print the explanation in protobuf's JSON mapping." };
        var command = new Command("explain",
            "Explain a profile: the reason each record joined (an identifier, a match with its score and parts, a steward), the records each must " +
            "never join, and the merges, refusals and splits. Exit code 3 when not found.")
        {
            profileId, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var explanation = await new Stewardship.StewardshipClient(channel).ExplainProfileAsync(
                    new GetProfileRequest { ProfileId = parse.GetValue(profileId)! }, cancellationToken: cancellationToken);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(ProtoJson.Format(explanation));
                    return ExitCodes.Ok;
                }

                AnsiConsole.MarkupLineInterpolated($"Profile [bold]{explanation.ProfileId}[/]");
                var members = new Table().AddColumns("record", "why it is here", "never with");
                foreach (var record in explanation.Records)
                {
                    members.AddRow(Markup.Escape($"{record.Record.Source}/{record.Record.RecordId}"), Markup.Escape(record.LinkReason), Markup.Escape(string.Join(", ", record.DoNotLink)));
                }

                AnsiConsole.Write(members);
                if (explanation.Links.Count > 0)
                {
                    HistoryRenderer.Write(AnsiConsole.Console, new ProfileHistory { ProfileId = explanation.ProfileId, Events = { explanation.Links } });
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
