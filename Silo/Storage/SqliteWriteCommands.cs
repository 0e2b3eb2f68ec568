using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Cdm.Silo.Storage;

/// <summary>
/// The writer connection's statements, created once and reused for every batch so SQLite prepares each only
/// once. Every statement checks the version itself and reports through RETURNING whether it changed the row, so a
/// conflicting write changes nothing and the rest of its batch still commits.
/// </summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    private const string KeyMatch = "grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name";

    // A write without an ETag may create the row, or refill a cleared one, but never overwrite a live state.
    private const string InsertSql = """
        INSERT INTO cdm_grain_state (grain_type, grain_key, state_name, version, state_type, payload, modified_at)
        VALUES ($grain_type, $grain_key, $state_name, 1, $state_type, $payload, $modified_at)
        ON CONFLICT (grain_type, grain_key, state_name) DO UPDATE SET
            version = cdm_grain_state.version + 1,
            state_type = excluded.state_type,
            payload = excluded.payload,
            modified_at = excluded.modified_at
        WHERE cdm_grain_state.payload IS NULL
        RETURNING version
        """;

    private const string UpdateSql = $"""
        UPDATE cdm_grain_state
        SET version = version + 1, state_type = $state_type, payload = $payload, modified_at = $modified_at
        WHERE {KeyMatch} AND version = $version
        RETURNING version
        """;

    // Clearing keeps the row and bumps its version: a stale ETag from before the clear can never match again.
    private const string ClearSql = $"""
        UPDATE cdm_grain_state
        SET version = version + 1, state_type = NULL, payload = NULL, modified_at = $modified_at
        WHERE {KeyMatch} AND version = $version
        RETURNING version
        """;

    private const string SelectSql = $"SELECT version, payload IS NULL FROM cdm_grain_state WHERE {KeyMatch}";

    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _clear;
    private readonly SqliteCommand _select;

    public SqliteWriteCommands(SqliteConnection connection)
    {
        _insert = Create(connection, InsertSql, withVersion: false, withState: true);
        _update = Create(connection, UpdateSql, withVersion: true, withState: true);
        _clear = Create(connection, ClearSql, withVersion: true, withState: false);
        _select = Create(connection, SelectSql, withVersion: false, withState: false, withModifiedAt: false);
        Blocks = new SqliteBlockCommands(connection);
    }

    /// <summary>The statements on the block tables.</summary>
    public SqliteBlockCommands Blocks { get; }

    /// <summary>Runs one queued write inside <paramref name="transaction"/> and records its outcome on it.</summary>
    public void Apply(PendingWrite write, SqliteTransaction transaction, string modifiedAt)
    {
        if (write.Kind == PendingWriteKind.Write)
        {
            ApplyWrite(write, transaction, modifiedAt);
        }
        else
        {
            ApplyClear(write, transaction, modifiedAt);
        }
    }

    public void Dispose()
    {
        _insert.Dispose();
        _update.Dispose();
        _clear.Dispose();
        _select.Dispose();
        Blocks.Dispose();
    }

    private void ApplyWrite(PendingWrite write, SqliteTransaction transaction, string modifiedAt)
    {
        long? newVersion;
        if (write.ETag is null)
        {
            newVersion = Execute(_insert, write, transaction, modifiedAt, version: null);
        }
        else if (TryParseVersion(write.ETag, out var expected))
        {
            newVersion = Execute(_update, write, transaction, modifiedAt, expected);
        }
        else
        {
            newVersion = null;
        }

        Record(write, transaction, newVersion);
    }

    private void ApplyClear(PendingWrite write, SqliteTransaction transaction, string modifiedAt)
    {
        if (write.ETag is null)
        {
            // The grain believes there is no state: fine if there is none or it is already cleared.
            var (exists, version, cleared) = ReadStored(write, transaction);
            if (!exists)
            {
                write.Succeeded(null);
            }
            else if (cleared)
            {
                write.Succeeded(FormatVersion(version));
            }
            else
            {
                write.Conflicted(FormatVersion(version));
            }

            return;
        }

        long? newVersion = TryParseVersion(write.ETag, out var expected)
            ? Execute(_clear, write, transaction, modifiedAt, expected)
            : null;
        Record(write, transaction, newVersion);
    }

    private void Record(PendingWrite write, SqliteTransaction transaction, long? newVersion)
    {
        if (newVersion is { } committed)
        {
            write.Succeeded(FormatVersion(committed));
            return;
        }

        var (exists, version, _) = ReadStored(write, transaction);
        write.Conflicted(exists ? FormatVersion(version) : null);
    }

    private (bool Exists, long Version, bool Cleared) ReadStored(PendingWrite write, SqliteTransaction transaction)
    {
        _select.Transaction = transaction;
        SetKey(_select, write);
        using var reader = _select.ExecuteReader();
        return reader.Read() ? (true, reader.GetInt64(0), reader.GetBoolean(1)) : (false, 0, false);
    }

    private static long? Execute(SqliteCommand command, PendingWrite write, SqliteTransaction transaction, string modifiedAt, long? version)
    {
        command.Transaction = transaction;
        SetKey(command, write);
        command.Parameters["$modified_at"].Value = modifiedAt;
        if (version is { } expected)
        {
            command.Parameters["$version"].Value = expected;
        }

        if (command.Parameters.Contains("$payload"))
        {
            command.Parameters["$state_type"].Value = (object?)write.StateType ?? DBNull.Value;
            command.Parameters["$payload"].Value = (object?)write.Payload ?? DBNull.Value;
        }

        return command.ExecuteScalar() is long newVersion ? newVersion : null;
    }

    private static void SetKey(SqliteCommand command, PendingWrite write)
    {
        command.Parameters["$grain_type"].Value = write.GrainType;
        command.Parameters["$grain_key"].Value = write.GrainKey;
        command.Parameters["$state_name"].Value = write.StateName;
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, bool withVersion, bool withState, bool withModifiedAt = true)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$grain_type", SqliteType.Text);
        command.Parameters.Add("$grain_key", SqliteType.Text);
        command.Parameters.Add("$state_name", SqliteType.Text);
        if (withModifiedAt)
        {
            command.Parameters.Add("$modified_at", SqliteType.Text);
        }

        if (withVersion)
        {
            command.Parameters.Add("$version", SqliteType.Integer);
        }

        if (withState)
        {
            command.Parameters.Add("$state_type", SqliteType.Text);
            command.Parameters.Add("$payload", SqliteType.Blob);
        }

        return command;
    }

    // ETags are the row version as text; anything else cannot match a stored version.
    private static bool TryParseVersion(string etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version);

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);
}
