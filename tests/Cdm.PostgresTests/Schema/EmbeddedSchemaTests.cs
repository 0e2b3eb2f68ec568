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
    public async Task Embedded_steps_create_the_cdm_tables_keyed_by_service_id_in_the_C_collation()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("embedded cdm tables");
        await new SchemaMigrator().MigrateAsync(database);

        var keys = await Sql.ListAsync<string>(database, """
            SELECT c.relname || '(' || string_agg(a.attname || ' ' || coalesce(k.collname, '-'), ', ' ORDER BY array_position(i.indkey::int2[], a.attnum)) || ')'
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indrelid
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)
            LEFT JOIN pg_collation k ON k.oid = a.attcollation
            WHERE i.indisprimary AND c.relname IN ('cdm_grain_state', 'cdm_block_member', 'cdm_block')
            GROUP BY c.relname
            ORDER BY c.relname
            """);

        Assert.Equal(
        [
            "cdm_block(service_id C, block_key C)",
            "cdm_block_member(service_id C, block_key C, member_id C)",
            "cdm_grain_state(service_id C, grain_type C, state_name C, grain_key C)",
        ], keys);
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
