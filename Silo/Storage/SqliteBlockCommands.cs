using Cdm.Grains.Blocking.Rows;
using Microsoft.Data.Sqlite;

namespace Cdm.Silo.Storage;

/// <summary>The writer connection's statements on the block tables, prepared once.</summary>
internal sealed class SqliteBlockCommands : IDisposable
{
    private const string PutSql = """
        INSERT INTO cdm_block_member (block_key, member_id, features) VALUES ($block_key, $member_id, $features)
        ON CONFLICT (block_key, member_id) DO UPDATE SET features = excluded.features
        """;

    private const string DeleteSql = "DELETE FROM cdm_block_member WHERE block_key = $block_key AND member_id = $member_id";

    private const string CapSql = "INSERT INTO cdm_block (block_key, over_cap) VALUES ($block_key, 1) ON CONFLICT (block_key) DO UPDATE SET over_cap = 1";

    private readonly SqliteCommand _put;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _cap;

    public SqliteBlockCommands(SqliteConnection connection)
    {
        _put = Create(connection, PutSql, withMember: true, withFeatures: true);
        _delete = Create(connection, DeleteSql, withMember: true, withFeatures: false);
        _cap = Create(connection, CapSql, withMember: false, withFeatures: false);
    }

    public void Apply(BlockRowChange change, SqliteTransaction transaction)
    {
        var command = change.Kind switch
        {
            BlockRowChangeKind.Put => _put,
            BlockRowChangeKind.Delete => _delete,
            BlockRowChangeKind.Cap => _cap,
            _ => throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "Unknown block row change."),
        };

        command.Transaction = transaction;
        command.Parameters["$block_key"].Value = change.BlockKey;
        if (change.Kind != BlockRowChangeKind.Cap)
        {
            command.Parameters["$member_id"].Value = change.MemberId;
        }

        if (change.Kind == BlockRowChangeKind.Put)
        {
            command.Parameters["$features"].Value = change.Features;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _put.Dispose();
        _delete.Dispose();
        _cap.Dispose();
    }

    private static SqliteCommand Create(SqliteConnection connection, string sql, bool withMember, bool withFeatures)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$block_key", SqliteType.Text);
        if (withMember)
        {
            command.Parameters.Add("$member_id", SqliteType.Text);
        }

        if (withFeatures)
        {
            command.Parameters.Add("$features", SqliteType.Blob);
        }

        return command;
    }
}
