using Cdm.Cli.Commands;
using Cdm.Postgres.Migrations;
using Cdm.Testing.Postgres;
using Npgsql;

namespace Cdm.Cli.Tests.Commands;

/// <summary><c>cdm db migrate</c> and <c>cdm db status</c> against a real, empty PostgreSQL database.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DbCommandTests
{
    private static readonly string[] Steps = [.. EmbeddedMigrations.Load().Select(m => m.FileName)];
    private static readonly int Latest = EmbeddedMigrations.Load()[^1].Version;

    [Fact]
    public async Task Migrate_applies_every_step_once_and_then_nothing()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("cli migrate");

        var (firstCode, first) = await RunAsync("db", "migrate", "--connection", database);
        var (secondCode, second) = await RunAsync("db", "migrate", "--connection", database);

        Assert.Equal(ExitCodes.Ok, firstCode);
        Assert.Equal([.. Steps.Select(s => $"applied {s}"), $"schema version {Latest}, up to date"], Lines(first));
        Assert.Equal(ExitCodes.Ok, secondCode);
        Assert.Equal(["nothing to apply", $"schema version {Latest}, up to date"], Lines(second));
    }

    [Fact]
    public async Task Status_lists_pending_steps_with_its_own_exit_code_until_migrated()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("cli status");

        var (pendingCode, pending) = await RunAsync("db", "status", "--connection", database);
        await RunAsync("db", "migrate", "--connection", database);
        var (doneCode, done) = await RunAsync("db", "status", "--connection", database);

        Assert.Equal(ExitCodes.Pending, pendingCode);
        Assert.Equal([$"schema version 0 of {Latest}", .. Steps.Select(s => $"pending {s}")], Lines(pending));
        Assert.Equal(ExitCodes.Ok, doneCode);
        Assert.Equal([$"schema version {Latest} of {Latest}", "up to date"], Lines(done));
    }

    [Fact]
    public async Task Migrate_reads_the_connection_from_the_environment()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("cli environment");
        Environment.SetEnvironmentVariable("CDM_POSTGRES", database);
        try
        {
            Assert.Equal(ExitCodes.Ok, (await RunAsync("db", "migrate")).Code);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CDM_POSTGRES", null);
        }

        Assert.Equal(ExitCodes.Usage, (await RunAsync("db", "migrate")).Code);
    }

    [Fact]
    public async Task An_edited_step_fails_migrate_and_shows_in_status()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("cli edited");
        await RunAsync("db", "migrate", "--connection", database);
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand("UPDATE cdm_schema_migrations SET checksum = 'edited' WHERE version = 2", connection).ExecuteNonQueryAsync();
        }

        var (migrateCode, _) = await RunAsync("db", "migrate", "--connection", database);
        var (statusCode, status) = await RunAsync("db", "status", "--connection", database);

        Assert.Equal(ExitCodes.Failed, migrateCode);
        Assert.Equal(ExitCodes.Pending, statusCode);
        Assert.Contains(Lines(status), l => l.StartsWith($"edited  {Steps[1]}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_server_fails()
    {
        Assert.Equal(ExitCodes.Failed, (await RunAsync("db", "migrate", "--connection", "Host=127.0.0.1;Port=1;Username=cdm;Timeout=2")).Code);
        Assert.Equal(ExitCodes.Usage, (await RunAsync("db", "status", "--connection", "Nonsense=1")).Code);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var original = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            return (await CdmCommand.RunAsync(args), output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
