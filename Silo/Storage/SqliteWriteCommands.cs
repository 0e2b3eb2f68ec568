using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cdm.Silo.Storage;

/// <summary>
/// The writer connection's statements, prepared once and reused for every batch, bound by position on SQLite's own
/// interface (as <see cref="SqliteBlockCommands"/>): the writer is the one serial part of ingest, and a
/// <see cref="SqliteCommand"/> looks up each parameter by name and builds a reader on every execution. They run inside
/// the writer's open transaction, which belongs to the connection. Every statement checks the version itself and
/// reports through RETURNING whether it changed the row, so a conflicting write changes nothing and the rest of its
/// batch still commits.
/// </summary>
internal sealed class SqliteWriteCommands : IDisposable
{
    // Positions: 1 grain_type, 2 grain_key, 3 state_name, 4 state_type, 5 payload, 6 modified_at, 7 version.
    private const string KeyMatch = "grain_type = ?1 AND grain_key = ?2 AND state_name = ?3";

    // A write without an ETag may create the row, or refill a cleared one, but never overwrite a live state.
    private const string InsertSql = """
        INSERT INTO cdm_grain_state (grain_type, grain_key, state_name, version, state_type, payload, modified_at)
        VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6)
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
        SET version = version + 1, state_type = ?4, payload = ?5, modified_at = ?6
        WHERE {KeyMatch} AND version = ?7
        RETURNING version
        """;

    // Clearing keeps the row and bumps its version: a stale ETag from before the clear can never match again.
    private const string ClearSql = $"""
        UPDATE cdm_grain_state
        SET version = version + 1, state_type = NULL, payload = NULL, modified_at = ?6
        WHERE {KeyMatch} AND version = ?7
        RETURNING version
        """;

    private const string EraseSql = $"DELETE FROM cdm_grain_state WHERE {KeyMatch}";

    private const string SelectSql = $"SELECT version, payload IS NULL FROM cdm_grain_state WHERE {KeyMatch}";

    private readonly sqlite3 _db;
    private readonly List<sqlite3_stmt> _prepared = [];
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _update;
    private readonly sqlite3_stmt _clear;
    private readonly sqlite3_stmt _erase;
    private readonly sqlite3_stmt _select;

    public SqliteWriteCommands(SqliteConnection connection)
    {
        _db = SqliteStatements.HandleOf(connection);
        try
        {
            _insert = Prepare(InsertSql);
            _update = Prepare(UpdateSql);
            _clear = Prepare(ClearSql);
            _erase = Prepare(EraseSql);
            _select = Prepare(SelectSql);
            Blocks = new SqliteBlockCommands(connection);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The statements on the block tables.</summary>
    public SqliteBlockCommands Blocks { get; }

    /// <summary>Runs one queued write inside the writer's open transaction and records its outcome on it.</summary>
    public void Apply(PendingWrite write, string modifiedAt)
    {
        switch (write.Kind)
        {
            case PendingWriteKind.Write:
                ApplyWrite(write, modifiedAt);
                break;
            case PendingWriteKind.Clear:
                ApplyClear(write, modifiedAt);
                break;
            default:
                BindKey(_erase, write);
                SqliteStatements.Run(_db, _erase);
                write.Succeeded(null);
                break;
        }
    }

    public void Dispose()
    {
        foreach (var statement in _prepared)
        {
            statement.Dispose();
        }

        // Null when the constructor failed before creating it.
        Blocks?.Dispose();
    }

    private void ApplyWrite(PendingWrite write, string modifiedAt)
    {
        long? newVersion;
        if (write.ETag is null)
        {
            newVersion = Execute(_insert, write, modifiedAt, version: null, withState: true);
        }
        else if (TryParseVersion(write.ETag, out var expected))
        {
            newVersion = Execute(_update, write, modifiedAt, expected, withState: true);
        }
        else
        {
            newVersion = null;
        }

        Record(write, newVersion);
    }

    private void ApplyClear(PendingWrite write, string modifiedAt)
    {
        if (write.ETag is null)
        {
            // The grain believes there is no state: fine if there is none or it is already cleared.
            var (exists, version, cleared) = ReadStored(write);
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
            ? Execute(_clear, write, modifiedAt, expected, withState: false)
            : null;
        Record(write, newVersion);
    }

    private void Record(PendingWrite write, long? newVersion)
    {
        if (newVersion is { } committed)
        {
            write.Succeeded(FormatVersion(committed));
            return;
        }

        var (exists, version, _) = ReadStored(write);
        write.Conflicted(exists ? FormatVersion(version) : null);
    }

    private (bool Exists, long Version, bool Cleared) ReadStored(PendingWrite write)
    {
        BindKey(_select, write);
        return SqliteStatements.Run(_db, _select, static s => (true, raw.sqlite3_column_int64(s, 0), raw.sqlite3_column_int(s, 1) != 0), (false, 0L, false));
    }

    private long? Execute(sqlite3_stmt statement, PendingWrite write, string modifiedAt, long? version, bool withState)
    {
        BindKey(statement, write);
        Check(raw.sqlite3_bind_text(statement, 6, modifiedAt));
        if (version is { } expected)
        {
            Check(raw.sqlite3_bind_int64(statement, 7, expected));
        }

        if (withState)
        {
            Check(write.StateType is { } stateType ? raw.sqlite3_bind_text(statement, 4, stateType) : raw.sqlite3_bind_null(statement, 4));
            Check(write.Payload is { } payload ? raw.sqlite3_bind_blob(statement, 5, payload) : raw.sqlite3_bind_null(statement, 5));
        }

        return SqliteStatements.Run<long?>(_db, statement, static s => raw.sqlite3_column_int64(s, 0), null);
    }

    private void BindKey(sqlite3_stmt statement, PendingWrite write)
    {
        Check(raw.sqlite3_bind_text(statement, 1, write.GrainType));
        Check(raw.sqlite3_bind_text(statement, 2, write.GrainKey));
        Check(raw.sqlite3_bind_text(statement, 3, write.StateName));
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var statement = SqliteStatements.Prepare(_db, sql);
        _prepared.Add(statement);
        return statement;
    }

    private void Check(int rc) => SqliteStatements.Check(_db, rc);

    // ETags are the row version as text; anything else cannot match a stored version.
    private static bool TryParseVersion(string etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version);

    private static string FormatVersion(long version) => version.ToString(CultureInfo.InvariantCulture);
}
