using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Cdm.Silo.Storage;

/// <summary>Opens the connections of <see cref="SqliteGroupCommitGrainStorage"/> with their pragmas applied.</summary>
internal static class SqliteConnectionFactory
{
    public static SqliteConnection OpenWriter(SqliteGroupCommitOptions options) =>
        Open(options, SqliteOpenMode.ReadWriteCreate, connection =>
        {
            // WAL lets readers go on while the writer commits, and makes a commit one append and one fsync.
            var mode = Execute(connection, "PRAGMA journal_mode = WAL");
            if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The database '{options.DatabasePath}' cannot use WAL journaling (got '{mode}').");
            }

            Execute(connection, FormattableString.Invariant($"PRAGMA synchronous = {(int)options.Synchronous}"));
            // Random inserts into large indexes touch pages all over the file; with SQLite's 2 MiB default most had
            // to be read again for each batch.
            Execute(connection, FormattableString.Invariant($"PRAGMA cache_size = {-options.WriterCacheMegabytes * 1024L}"));
            // The checkpointer copies the log into the database (SqliteCheckpointer); the writer only appends. After
            // a restart the log file is cut back to its limit rather than keeping its largest size.
            Execute(connection, "PRAGMA wal_autocheckpoint = 0");
            Execute(connection, FormattableString.Invariant($"PRAGMA journal_size_limit = {options.MaxWalMegabytes * 1024L * 1024L}"));
            // A deleted row's bytes are zeroed where that costs no extra page write, so an erased identifier or block
            // member does not linger in its page. FAST rather than ON: ON also rewrites every page a state update
            // frees (large states overflow into such pages), which would double the writes of ingest.
            Execute(connection, "PRAGMA secure_delete = FAST");
        });

    /// <summary>The connection of <see cref="SqliteCheckpointer"/>: it syncs the database file as the writer syncs the log.</summary>
    public static SqliteConnection OpenCheckpointer(SqliteGroupCommitOptions options) =>
        Open(options, SqliteOpenMode.ReadWrite, connection =>
        {
            Execute(connection, FormattableString.Invariant($"PRAGMA synchronous = {(int)options.Synchronous}"));
        });

    // Read connections must never write; query_only turns a slip into an error instead of a second writer.
    public static SqliteConnection OpenReader(SqliteGroupCommitOptions options) =>
        Open(options, SqliteOpenMode.ReadWrite, connection =>
        {
            Execute(connection, "PRAGMA query_only = ON");
        });

    /// <summary>Opens a connection with the shared settings, then <paramref name="configure"/>; closed again if either fails.</summary>
    private static SqliteConnection Open(SqliteGroupCommitOptions options, SqliteOpenMode mode, Action<SqliteConnection> configure)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = options.DatabasePath,
            Mode = mode,
            // The storage keeps its own few long-lived connections; a pool would only hold the file open after stop.
            Pooling = false,
            // Microsoft.Data.Sqlite retries a busy database for this long on top of busy_timeout; keep the two equal.
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(options.BusyTimeout.TotalSeconds)),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = " + ((long)options.BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
            configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static object? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
