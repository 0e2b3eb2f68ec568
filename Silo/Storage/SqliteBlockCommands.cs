using Cdm.Grains.Blocking.Rows;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cdm.Silo.Storage;

/// <summary>
/// The writer connection's statements on the block tables, prepared once and bound by position on SQLite's own
/// interface. A record changes about six block rows, the most frequent statement of ingest: through
/// <see cref="SqliteCommand"/> each execution looked every parameter up by name and built a data reader, a fifth of
/// the writer's time. They run inside the writer's open transaction, which belongs to the connection.
/// </summary>
internal sealed class SqliteBlockCommands : IDisposable
{
    private const string PutSql = """
        INSERT INTO cdm_block_member (block_key, member_id, features) VALUES (?1, ?2, ?3)
        ON CONFLICT (block_key, member_id) DO UPDATE SET features = excluded.features
        """;

    private const string DeleteSql = "DELETE FROM cdm_block_member WHERE block_key = ?1 AND member_id = ?2";

    private const string CapSql = "INSERT INTO cdm_block (block_key, over_cap) VALUES (?1, 1) ON CONFLICT (block_key) DO UPDATE SET over_cap = 1";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _put;
    private readonly sqlite3_stmt _delete;
    private readonly sqlite3_stmt _cap;

    public SqliteBlockCommands(SqliteConnection connection)
    {
        _db = SqliteStatements.HandleOf(connection);
        _put = SqliteStatements.Prepare(_db, PutSql);
        try
        {
            _delete = SqliteStatements.Prepare(_db, DeleteSql);
            _cap = SqliteStatements.Prepare(_db, CapSql);
        }
        catch
        {
            _put.Dispose();
            _delete?.Dispose();
            throw;
        }
    }

    /// <summary>Applies one change within the writer's open transaction.</summary>
    /// <exception cref="SqliteException">SQLite refused the change; the batch fails.</exception>
    public void Apply(BlockRowChange change)
    {
        switch (change.Kind)
        {
            case BlockRowChangeKind.Put:
                BindText(_put, 1, change.BlockKey);
                BindText(_put, 2, change.MemberId);
                SqliteStatements.Check(_db, raw.sqlite3_bind_blob(_put, 3, change.Features ?? throw new ArgumentException("A put carries features.", nameof(change))));
                SqliteStatements.Run(_db, _put);
                break;
            case BlockRowChangeKind.Delete:
                BindText(_delete, 1, change.BlockKey);
                BindText(_delete, 2, change.MemberId);
                SqliteStatements.Run(_db, _delete);
                break;
            case BlockRowChangeKind.Cap:
                BindText(_cap, 1, change.BlockKey);
                SqliteStatements.Run(_db, _cap);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "Unknown block row change.");
        }
    }

    public void Dispose()
    {
        _put.Dispose();
        _delete.Dispose();
        _cap.Dispose();
    }

    private void BindText(sqlite3_stmt statement, int index, string? value) =>
        SqliteStatements.Check(_db, raw.sqlite3_bind_text(statement, index, value ?? throw new ArgumentException("A block row change names its block and member.")));
}
