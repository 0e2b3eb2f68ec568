using System.CommandLine;
using System.CommandLine.Parsing;
using Cdm.Api.V1;
using Cdm.Cli.Lookup;

namespace Cdm.Cli.Commands;

/// <summary>
/// <c>--profile</c>, <c>--identifier TYPE=VALUE</c> and <c>--source-key SOURCE/RECORD_ID</c>: how a command names one
/// person; shared by <c>get</c>, <c>audit</c> and <c>privacy export</c>. Exactly one is given, or one alternative the
/// command adds (a positional profile id, a caller).
/// </summary>
public sealed class ProfileLookupOptionSet
{
    public Option<string?> Profile { get; } = new("--profile") { Description = "The profile id.", HelpName = "ID" };

    public Option<string?> Identifier { get; } = new("--identifier")
    {
        Description = "An identifier of the person, e.g. email=a@b.com or loyalty_id=L123.",
        HelpName = "TYPE=VALUE",
    };

    public Option<string?> SourceKey { get; } = new("--source-key")
    {
        Description = "One of the person's source records, e.g. crm/12345 (the record id is everything after the first /).",
        HelpName = "SOURCE/RECORD_ID",
    };

    /// <summary>Adds the options and their checks; <paramref name="alternative"/> is one more way to say which, by name and value.</summary>
    public void AddTo(Command command, (string Name, Func<CommandResult, string?> Value)? alternative = null)
    {
        command.Options.Add(Profile);
        command.Options.Add(Identifier);
        command.Options.Add(SourceKey);
        var names = alternative is { } a ? $"{a.Name}, --profile, --identifier, --source-key" : "--profile, --identifier, --source-key";
        command.Validators.Add(result =>
        {
            var given = new[] { result.GetValue(Profile), result.GetValue(Identifier), result.GetValue(SourceKey), alternative?.Value(result) }.Count(v => v is not null);
            if (given != 1)
            {
                result.AddError("give exactly one of " + names);
            }

            if (result.GetValue(Identifier) is { } id && !LookupText.TryIdentifier(id, out _))
            {
                result.AddError("--identifier expects TYPE=VALUE");
            }

            if (result.GetValue(SourceKey) is { } key && !LookupText.TrySourceKey(key, out _))
            {
                result.AddError("--source-key expects SOURCE/RECORD_ID");
            }
        });
    }

    /// <summary>
    /// Sets the lookup given on a request, through the setter of its kind (each request type has its own <c>oneof</c>);
    /// false, and nothing set, when the command's alternative was used instead.
    /// </summary>
    public bool SetOn(ParseResult parse, Action<string> profileId, Action<Identifier> identifier, Action<SourceKey> sourceKey)
    {
        switch (Read(parse))
        {
            case ({ } id, _, _):
                profileId(id);
                return true;
            case (_, { } given, _):
                identifier(given);
                return true;
            case (_, _, { } key):
                sourceKey(key);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The lookup given, once validated; all null when the command's alternative was used instead.</summary>
    public (string? ProfileId, Identifier? Identifier, SourceKey? SourceKey) Read(ParseResult parse)
    {
        if (parse.GetValue(Profile) is { } profileId)
        {
            return (profileId, null, null);
        }

        if (parse.GetValue(Identifier) is { } id && LookupText.TryIdentifier(id, out var identifier))
        {
            return (null, identifier, null);
        }

        return parse.GetValue(SourceKey) is { } key && LookupText.TrySourceKey(key, out var sourceKey) ? (null, null, sourceKey) : (null, null, null);
    }
}
