using Microsoft.Data.Sqlite;

namespace Cdm.Silo.Storage;

/// <summary>The tables of <see cref="SqliteGroupCommitGrainStorage"/>, created idempotently at start.</summary>
internal static class SqliteGrainStateSchema
{
    /// <summary>The layout this code reads and writes; raised with every change of the tables.</summary>
    public const int Version = 2;

    private const string Component = "grain_state";

    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS cdm_schema
        (
            component  TEXT NOT NULL PRIMARY KEY,
            version    INTEGER NOT NULL,
            applied_at TEXT NOT NULL
        ) WITHOUT ROWID;

        -- A rowid table on purpose: states are kilobytes, and a WITHOUT ROWID table, which keeps whole rows in
        -- its key b-tree, committed half as many 1 KB writes per second as this table with its key index.
        CREATE TABLE IF NOT EXISTS cdm_grain_state
        (
            grain_type  TEXT NOT NULL,
            grain_key   TEXT NOT NULL,
            state_name  TEXT NOT NULL,
            version     INTEGER NOT NULL,
            state_type  TEXT NULL,
            payload     BLOB NULL,
            modified_at TEXT NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        );

        -- Version 2: the blocks of probabilistic matching, one row per member (features: a flat JSON object).
        -- A rowid table with its key as an index, like cdm_grain_state: new rows append to the table and only the
        -- small index entries land at random places. Keyed by block in a WITHOUT ROWID table, every insert dirtied
        -- a random page of the whole table, and inserts took twice as long, most of it writing pages.
        CREATE TABLE IF NOT EXISTS cdm_block_member
        (
            block_key TEXT NOT NULL,
            member_id TEXT NOT NULL,
            features  BLOB NOT NULL,
            UNIQUE (block_key, member_id)
        );

        CREATE TABLE IF NOT EXISTS cdm_block
        (
            block_key TEXT NOT NULL PRIMARY KEY,
            over_cap  INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    public static void Apply(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);

        using (var create = connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = CreateTables;
            create.ExecuteNonQuery();
        }

        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT version FROM cdm_schema WHERE component = $component";
            read.Parameters.AddWithValue("$component", Component);
            var stored = read.ExecuteScalar();
            if (stored is long storedVersion && storedVersion > Version)
            {
                // A newer release changed the tables; writing them with this code could corrupt its data.
                throw new InvalidOperationException(
                    $"The database '{connection.DataSource}' has grain state schema version {storedVersion}; this build knows version {Version} at most.");
            }

            if (stored is not long current || current < Version)
            {
                // The tables of the versions between were created above (IF NOT EXISTS).
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO cdm_schema (component, version, applied_at) VALUES ($component, $version, $applied_at)
                    ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at
                    """;
                insert.Parameters.AddWithValue("$component", Component);
                insert.Parameters.AddWithValue("$version", Version);
                insert.Parameters.AddWithValue("$applied_at", DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                insert.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }
}
