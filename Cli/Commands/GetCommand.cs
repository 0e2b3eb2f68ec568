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
        var profile = new Option<string?>("--profile") { Description = "Profile id.", HelpName = "ID" };
        var identifier = new Option<string?>("--identifier")
        {
            Description = "An identifier of the person, e.g. email=a@b.com or loyalty_id=L123.",
            HelpName = "TYPE=VALUE",
        };
        var sourceKey = new Option<string?>("--source-key")
        {
            Description = "A source record, e.g. crm/12345 (the record id is everything after the first /).",
            HelpName = "SOURCE/RECORD_ID",
        };
        var versions = new Option<bool>("--versions") { Description = "Also return every version of every member record." };
        var json = new Option<bool>("--json") { Description = "Print the profile in protobuf's JSON mapping." };
        var purpose = PurposeOption.Create();

        var command = new Command("get",
            "Print a profile: the golden record with lineage, member records and identifiers. " +
            "Give exactly one of PROFILE_ID, --profile, --identifier, --source-key. Exit code 3 when not found.")
        {
            profileArgument, profile, identifier, sourceKey, versions, json, purpose,
        };
        command.Validators.Add(result =>
        {
            var given = new[] { result.GetValue(profileArgument), result.GetValue(profile), result.GetValue(identifier), result.GetValue(sourceKey) }
                .Count(v => v is not null);
            if (given != 1)
            {
                result.AddError("give exactly one of PROFILE_ID, --profile, --identifier, --source-key");
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
            var request = new GetProfileRequest { IncludeVersions = parse.GetValue(versions), Purpose = parse.GetValue(purpose)! };
            if ((parse.GetValue(profileArgument) ?? parse.GetValue(profile)) is { } profileId)
            {
                request.ProfileId = profileId;
            }
            else if (parse.GetValue(identifier) is { } id && LookupText.TryIdentifier(id, out var parsedIdentifier))
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
