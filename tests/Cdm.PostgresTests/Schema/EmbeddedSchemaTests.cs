using Cdm.Postgres.Migrations;
using Cdm.Testing.Postgres;

namespace Cdm.PostgresTests.Schema;

/// <summary>The schema steps this build ships, applied by the migrator to a real, empty database.</summary>
public sealed class EmbeddedSchemaTests
{
    private static readonly string[] OrleansSteps = ["0001-orleans-query-table", "0002-orleans-clustering", "0003-orleans-persistence", "0004-orleans-reminders"];

    [Fact]
    public async Task Embedded_steps_apply_to_an_empty_database_once()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("embedded steps");
        var migrator = new SchemaMigrator();

        var first = await migrator.MigrateAsync(database);
        var second = await migrator.MigrateAsync(database);

        Assert.Equal(migrator.Migrations.Select(m => m.FileName), first.Applied.Select(m => m.FileName));
        Assert.Subset(first.Applied.Select(m => m.FileName).ToHashSet(), OrleansSteps.ToHashSet());
        Assert.True(first.UpToDate, $"schema version {first.SchemaVersion}, latest {first.LatestVersion}");
        Assert.Empty(second.Applied);
        Assert.Equal(first.SchemaVersion, second.SchemaVersion);
        var status = await migrator.StatusAsync(database);
        Assert.True(status.UpToDate, $"pending {string.Join(", ", status.Pending.Select(m => m.FileName))}");
    }

    [Fact]
    public async Task Embedded_steps_create_the_orleans_tables()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("embedded tables");
        await new SchemaMigrator().MigrateAsync(database);

        var tables = await Sql.ListAsync<string>(database, "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'");

        Assert.Subset(tables.ToHashSet(), new HashSet<string>
        {
            "cdm_schema_migrations", "orleansquery", "orleans_membership_version", "orleans_membership", "orleans_storage", "orleans_reminders",
        });
        var functions = await Sql.ListAsync<string>(database, "SELECT routine_name::text FROM information_schema.routines WHERE routine_schema = 'public'");
        Assert.Subset(functions.ToHashSet(), new HashSet<string> { "orleans_membership_insert", "orleans_membership_update" });
    }

    [Fact]
    public async Task Step_files_keep_out_of_transaction_control()
    {
        // The migrator runs every pending step in one transaction; a step that commits or opens its own would
        // break that, and CONCURRENTLY cannot run inside a transaction at all.
        foreach (var step in EmbeddedMigrations.Load())
        {
            var sql = step.Sql.ToUpperInvariant();
            Assert.DoesNotMatch(@"(^|;)\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)\s*;", sql);
            Assert.DoesNotContain("CONCURRENTLY", sql);
        }
    }
}
