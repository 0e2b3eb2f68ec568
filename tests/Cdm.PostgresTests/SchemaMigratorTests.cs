using Cdm.Postgres.Migrations;
using Cdm.Testing.Postgres;
using Npgsql;

namespace Cdm.PostgresTests;

public sealed class SchemaMigratorTests
{
    private static readonly SchemaMigration CreateThings = new(1, "create-things", "CREATE TABLE things (id integer PRIMARY KEY);");
    private static readonly SchemaMigration AddLabel = new(2, "add-label", "ALTER TABLE things ADD COLUMN label text;");

    [Fact]
    public async Task Applies_missing_steps_once_and_records_the_version()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("migrate once");

        var first = await new SchemaMigrator([CreateThings]).MigrateAsync(database);
        var second = await new SchemaMigrator([CreateThings, AddLabel]).MigrateAsync(database);
        var third = await new SchemaMigrator([CreateThings, AddLabel]).MigrateAsync(database);

        Assert.Equal([1], first.Applied.Select(m => m.Version));
        Assert.Equal([2], second.Applied.Select(m => m.Version));
        Assert.Empty(third.Applied);
        Assert.Equal(2, third.SchemaVersion);
        Assert.True(third.UpToDate);
        Assert.Equal(2L, await ScalarAsync<long>(database, "SELECT count(*) FROM cdm_schema_migrations"));
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'things' AND column_name = 'label'"));
    }

    [Fact]
    public async Task Concurrent_runs_apply_each_step_exactly_once()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("migrate race");
        var migrator = new SchemaMigrator([CreateThings, AddLabel]);

        var reports = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => migrator.MigrateAsync(database))));

        // Had two runs both applied step 1, the second CREATE TABLE would have failed.
        Assert.Equal(2, reports.Sum(r => r.Applied.Count));
        Assert.All(reports, r => Assert.Equal(2, r.SchemaVersion));
    }

    [Fact]
    public async Task A_failing_step_leaves_the_schema_as_it_was()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("migrate failure");
        var broken = new SchemaMigration(2, "broken", "ALTER TABLE no_such_table ADD COLUMN x integer;");

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => new SchemaMigrator([CreateThings, broken]).MigrateAsync(database));
        Assert.Equal(2, error.Step.Version);
        Assert.IsType<PostgresException>(error.InnerException);

        var status = await new SchemaMigrator([CreateThings]).StatusAsync(database);
        Assert.Equal(0, status.SchemaVersion);
        Assert.Single(status.Pending);
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'things'"));
    }

    [Fact]
    public async Task An_applied_step_whose_sql_changed_is_refused()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("migrate edited");
        await new SchemaMigrator([CreateThings]).MigrateAsync(database);
        var edited = CreateThings with { Sql = "CREATE TABLE things (id bigint PRIMARY KEY);" };

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => new SchemaMigrator([edited]).MigrateAsync(database));
        Assert.Contains("0001-create-things", error.Message);
        var status = await new SchemaMigrator([edited]).StatusAsync(database);
        Assert.Equal([1], status.Edited.Select(m => m.Version));
        Assert.False(status.UpToDate);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
