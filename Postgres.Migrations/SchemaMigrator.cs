using Npgsql;

namespace Cdm.Postgres.Migrations;

/// <summary>
/// Creates or upgrades the PostgreSQL schema. All missing steps run in one transaction under an advisory lock,
/// so concurrent runs (several silos or migration jobs starting at once) apply each step exactly once, and a
/// failing step leaves the schema as it was. Applied steps are recorded in <c>cdm_schema_migrations</c> with
/// their checksums; running again is harmless, and a recorded step whose SQL has since changed is refused.
/// </summary>
public sealed class SchemaMigrator(IReadOnlyList<SchemaMigration> migrations)
{
    // Any fixed number: it names this lock among the server's advisory locks.
    private const long LockKey = 0x43444d5f534348; // "CDM_SCH"

    public SchemaMigrator() : this(EmbeddedMigrations.Load())
    {
    }

    public IReadOnlyList<SchemaMigration> Migrations { get; } = migrations;

    private int LatestVersion => Migrations.Count == 0 ? 0 : Migrations[^1].Version;

    public async Task<MigrationReport> MigrateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS cdm_schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        var recorded = await ReadRecordedAsync(connection, transaction, cancellationToken);
        var applied = new List<SchemaMigration>();
        foreach (var migration in Migrations)
        {
            if (recorded.TryGetValue(migration.Version, out var checksum))
            {
                if (checksum != migration.Checksum)
                {
                    throw new SchemaMigrationException(migration,
                        $"Schema step {migration.FileName} was applied from different SQL than this version ships; add a new step instead of editing an applied one.");
                }

                continue;
            }

            try
            {
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            }
            catch (PostgresException e)
            {
                throw new SchemaMigrationException(migration, $"Schema step {migration.FileName} failed, nothing was applied: {e.SqlState}: {e.MessageText}", e);
            }

            await using var record = new NpgsqlCommand("INSERT INTO cdm_schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(migration);
        }

        await transaction.CommitAsync(cancellationToken);
        var version = Math.Max(recorded.Count == 0 ? 0 : recorded.Keys.Max(), applied.Count == 0 ? 0 : applied[^1].Version);
        return new MigrationReport(applied, version, LatestVersion);
    }

    /// <summary>The schema's recorded version (0 when never migrated), the steps this build would still apply, and edited ones.</summary>
    public async Task<SchemaStatus> StatusAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('cdm_schema_migrations') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return new SchemaStatus(0, LatestVersion, Migrations, []);
        }

        var recorded = await ReadRecordedAsync(connection, null, cancellationToken);
        return new SchemaStatus(
            recorded.Count == 0 ? 0 : recorded.Keys.Max(),
            LatestVersion,
            [.. Migrations.Where(m => !recorded.ContainsKey(m.Version))],
            [.. Migrations.Where(m => recorded.TryGetValue(m.Version, out var checksum) && checksum != m.Checksum)]);
    }

    private static async Task<Dictionary<int, string>> ReadRecordedAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var recorded = new Dictionary<int, string>();
        await using var read = new NpgsqlCommand("SELECT version, checksum FROM cdm_schema_migrations", connection, transaction);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            recorded[reader.GetInt32(0)] = reader.GetString(1);
        }

        return recorded;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
