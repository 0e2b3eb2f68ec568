using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Cli.Lookup;
using Spectre.Console;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm history PROFILE_ID</c>: the merges, links and changes of a profile.</summary>
public static class HistoryCommand
{
    public static Command Create(Option<string> gateway)
    {
        var profileId = new Argument<string>("PROFILE_ID") { Description = "Profile id." };
        var json = new Option<bool>("--json") { Description = "Print the history in protobuf's JSON mapping." };
        var purpose = PurposeOption.Create();
        var command = new Command("history", "Print a profile's merge and link history, oldest first. Exit code 3 when not found.")
        {
            profileId, json, purpose,
        };

        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            return CommandErrors.RunAsync(address, async () =>
            {
                using var channel = GatewayConnection.Open(address);
                var history = await new Profiles.ProfilesClient(channel).GetHistoryAsync(
                    new GetHistoryRequest { ProfileId = parse.GetValue(profileId)!, Purpose = parse.GetValue(purpose)! }, cancellationToken: cancellationToken);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(ProtoJson.Format(history));
                }
                else
                {
                    HistoryRenderer.Write(AnsiConsole.Console, history);
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
