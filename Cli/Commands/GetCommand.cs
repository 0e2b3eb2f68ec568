using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Cli.Lookup;
using Spectre.Console;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm get</c>: one profile by id, identifier or source key.</summary>
public static class GetCommand
{
    public static Command Create(Option<string> gateway)
    {
        var profileArgument = new Argument<string?>("PROFILE_ID")
        {
            Description = "Profile id (same as --profile).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var lookup = new ProfileLookupOptionSet();
        var versions = new Option<bool>("--versions") { Description = "Also return every version of every member record." };
        var json = new Option<bool>("--json") { Description = "Print the profile in protobuf's JSON mapping." };
        var purpose = PurposeOption.Create();

        var command = new Command("get",
            "Print a profile: the golden record with lineage, member records and identifiers. " +
            "Give exactly one of PROFILE_ID, --profile, --identifier, --source-key. Exit code 3 when not found.")
        {
            profileArgument, versions, json, purpose,
        };
        lookup.AddTo(command, ("PROFILE_ID", result => result.GetValue(profileArgument)));
        command.SetAction((parse, cancellationToken) =>
        {
            var address = parse.GetValue(gateway)!;
            var request = new GetProfileRequest { IncludeVersions = parse.GetValue(versions), Purpose = parse.GetValue(purpose)! };
            var (profileId, identifier, sourceKey) = lookup.Read(parse);
            if ((parse.GetValue(profileArgument) ?? profileId) is { } id)
            {
                request.ProfileId = id;
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
                var found = await new Profiles.ProfilesClient(channel).GetProfileAsync(request, cancellationToken: cancellationToken);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(ProtoJson.Format(found));
                }
                else
                {
                    ProfileRenderer.Write(AnsiConsole.Console, found);
                }

                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
