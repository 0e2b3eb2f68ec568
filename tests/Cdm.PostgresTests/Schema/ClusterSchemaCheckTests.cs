using Cdm.Postgres.Hosting;
using Cdm.Postgres.Migrations;
using Cdm.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cdm.PostgresTests.Schema;

/// <summary>A silo joins only a database whose schema is at the version it ships.</summary>
public sealed class ClusterSchemaCheckTests
{
    [Fact]
    public async Task A_silo_refuses_an_unmigrated_database_and_says_what_to_run()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("schema check refuse");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ClusterSchemaCheck.EnsureAsync(new ClusterSettings { ConnectionString = database }, NullLogger.Instance));

        Assert.Contains("version 0", error.Message);
        Assert.Contains("cdm db migrate", error.Message);
        Assert.False((await new SchemaMigrator().StatusAsync(database)).UpToDate);
    }

    [Fact]
    public async Task A_migrated_database_passes_and_migrate_on_start_migrates()
    {
        var migrated = await PostgresTestServer.CreateDatabaseAsync("schema check migrated");
        await new SchemaMigrator().MigrateAsync(migrated);
        await ClusterSchemaCheck.EnsureAsync(new ClusterSettings { ConnectionString = migrated }, NullLogger.Instance);

        var empty = await PostgresTestServer.CreateDatabaseAsync("schema check on start");
        await ClusterSchemaCheck.EnsureAsync(new ClusterSettings { ConnectionString = empty, MigrateOnStart = true }, NullLogger.Instance);

        Assert.True((await new SchemaMigrator().StatusAsync(empty)).UpToDate);
    }
}
