using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Cli.Lookup;
using Spectre.Console;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm key create|list|revoke</c> and <c>cdm whoami</c>: API keys (admin) and the caller's own rights.</summary>
public static class KeyCommand
{
    public static Command Create(Option<string> gateway) => new("key", "Create, list and revoke the gateway's API keys (needs the admin role).")
    {
        CreateKey(gateway),
        ListKeys(gateway),
        RevokeKey(gateway),
    };

    private static Command CreateKey(Option<string> gateway)
    {
        var name = new Argument<string>("NAME") { Description = "What the key is for, e.g. crm-nightly-sync." };
        var roles = new Option<string[]>("--role")
        {
            Description = "A role: source, reader, steward, privacy_officer, admin (repeat for several).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var sources = new Option<string[]>("--source") { Description = "For a source key: a source it may write (repeat).", AllowMultipleArgumentsPerToken = true };
        var purposes = new Option<string[]>("--purpose") { Description = "For a reader key: a purpose it may read for (repeat).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("create", "Create an API key and print it once: the gateway keeps only its hash.") { name, roles, sources, purposes };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, gateway, cancellationToken, async client =>
        {
            var request = new CreateApiKeyRequest { Name = parse.GetValue(name)! };
            request.Roles.AddRange(parse.GetValue(roles) ?? []);
            request.Sources.AddRange(parse.GetValue(sources) ?? []);
            request.Purposes.AddRange(parse.GetValue(purposes) ?? []);
            var created = await client.CreateApiKeyAsync(request, cancellationToken: cancellationToken);
            Console.Error.WriteLine($"Created key {created.Key.Id} ({created.Key.Name}). It is shown only now; send it as x-api-key (CDM_API_KEY for cdm):");
            Console.Out.WriteLine(created.Secret);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command ListKeys(Option<string> gateway)
    {
        var all = new Option<bool>("--all") { Description = "Also list revoked keys." };
        var json = new Option<bool>("--json") { Description = "Print protobuf JSON." };
        var command = new Command("list", "List the API keys (never their secrets).") { all, json };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, gateway, cancellationToken, async client =>
        {
            var keys = await client.ListApiKeysAsync(new ListApiKeysRequest { IncludeRevoked = parse.GetValue(all) }, cancellationToken: cancellationToken);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ProtoJson.Format(keys));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("id", "name", "roles", "sources", "purposes", "created", "by", "revoked");
            foreach (var key in keys.Keys)
            {
                table.AddRow(Cells.Row(key.Id, key.Name, string.Join(" ", key.Roles), string.Join(" ", key.Sources), string.Join(" ", key.Purposes),
                    Cells.Time(key.CreatedAt), key.CreatedBy, key.RevokedAt is null ? "" : $"{Cells.Time(key.RevokedAt)} by {key.RevokedBy}"));
            }

            AnsiConsole.Write(table);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command RevokeKey(Option<string> gateway)
    {
        var id = new Argument<string>("ID") { Description = "The key's id (from key list)." };
        var command = new Command("revoke", "Revoke an API key. Exit code 3 for an unknown id.") { id };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, gateway, cancellationToken, async client =>
        {
            var revoked = await client.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = parse.GetValue(id)! }, cancellationToken: cancellationToken);
            Console.Out.WriteLine($"Revoked key {revoked.Id} ({revoked.Name}).");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary><c>cdm whoami</c>: who the gateway takes the caller for.</summary>
    public static Command WhoAmI(Option<string> gateway)
    {
        var command = new Command("whoami", "Print who the gateway takes you for (from CDM_API_KEY or CDM_TOKEN) and what you may do.");
        command.SetAction((parse, cancellationToken) => RunAsync(parse, gateway, cancellationToken, async client =>
        {
            var caller = await client.WhoAmIAsync(new WhoAmIRequest(), cancellationToken: cancellationToken);
            Console.Out.WriteLine(caller.Open ? $"{caller.Name} (the gateway runs open: no authentication)" : caller.Name);
            Console.Out.WriteLine($"roles: {string.Join(" ", caller.Roles)}");
            Console.Out.WriteLine($"sources: {string.Join(" ", caller.Sources)}");
            Console.Out.WriteLine($"read purposes: {string.Join(" ", caller.Purposes)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Task<int> RunAsync(ParseResult parse, Option<string> gateway, CancellationToken cancellationToken, Func<Access.AccessClient, Task<int>> action)
    {
        var address = parse.GetValue(gateway)!;
        return CommandErrors.RunAsync(address, async () =>
        {
            using var channel = GatewayConnection.Open(address);
            return await action(new Access.AccessClient(channel));
        }, cancellationToken);
    }
}
