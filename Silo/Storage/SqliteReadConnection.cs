using Microsoft.Data.Sqlite;

namespace Cdm.Silo.Storage;

/// <summary>One read connection and its prepared statements; used by one reader at a time.</summary>
internal sealed class SqliteReadConnection : IDisposable
{
    private const string SelectStateSql =
        "SELECT version, payload FROM cdm_grain_state WHERE grain_type = $grain_type AND grain_key = $grain_key AND state_name = $state_name";

    // Keyset paging along the primary key: each page is a short read, so no snapshot is held for a whole scan.
    private const string FirstPageSql = """
        SELECT grain_key, payload FROM cdm_grain_state
        WHERE grain_type = $grain_type AND state_name = $state_name AND payload IS NOT NULL
        ORDER BY grain_key LIMIT $limit
        """;

    private const string NextPageSql = """
        SELECT grain_key, payload FROM cdm_grain_state
        WHERE grain_type = $grain_type AND grain_key > $after AND state_name = $state_name AND payload IS NOT NULL
        ORDER BY grain_key LIMIT $limit
        """;

    private const string SelectBlockCapSql = "SELECT over_cap FROM cdm_block WHERE block_key = $block_key";

    private const string SelectBlockMembersSql = "SELECT member_id, features FROM cdm_block_member WHERE block_key = $block_key";

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _selectBlockCap;
    private readonly SqliteCommand _selectBlockMembers;
    private readonly SqliteCommand _selectState;
    private readonly SqliteCommand _firstPage;
    private readonly SqliteCommand _nextPage;

    public SqliteReadConnection(SqliteGroupCommitOptions options)
    {
        _connection = SqliteConnectionFactory.OpenReader(options);
        _selectState = _connection.CreateCommand();
        _selectState.CommandText = SelectStateSql;
        _selectState.Parameters.Add("$grain_type", SqliteType.Text);
        _selectState.Parameters.Add("$grain_key", SqliteType.Text);
        _selectState.Parameters.Add("$state_name", SqliteType.Text);

        _selectBlockCap = CreateBlockCommand(SelectBlockCapSql);
        _selectBlockMembers = CreateBlockCommand(SelectBlockMembersSql);
        _firstPage = CreatePageCommand(FirstPageSql, withAfter: false);
        _nextPage = CreatePageCommand(NextPageSql, withAfter: true);
    }

    /// <summary>Reads one row; false when there is none. A cleared row has a version and no payload.</summary>
    public bool TryReadState(string grainType, string grainKey, string stateName, out long version, out byte[]? payload)
    {
        _selectState.Parameters["$grain_type"].Value = grainType;
        _selectState.Parameters["$grain_key"].Value = grainKey;
        _selectState.Parameters["$state_name"].Value = stateName;
        using var reader = _selectState.ExecuteReader();
        if (!reader.Read())
        {
            version = 0;
            payload = null;
            return false;
        }

        version = reader.GetInt64(0);
        payload = reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1);
        return true;
    }

    /// <summary>A block's members with their encoded features, and whether it is over its cap.</summary>
    public (bool OverCap, List<KeyValuePair<string, byte[]>> Members) ReadBlock(string blockKey)
    {
        _selectBlockCap.Parameters["$block_key"].Value = blockKey;
        var overCap = _selectBlockCap.ExecuteScalar() is long flag && flag != 0;
        _selectBlockMembers.Parameters["$block_key"].Value = blockKey;
        var members = new List<KeyValuePair<string, byte[]>>();
        using var reader = _selectBlockMembers.ExecuteReader();
        while (reader.Read())
        {
            members.Add(new(reader.GetString(0), (byte[])reader.GetValue(1)));
        }

        return (overCap, members);
    }

    /// <summary>Calls <paramref name="add"/> with the key of every block that has rows.</summary>
    public void ForEachBlockKey(Action<string> add)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT block_key FROM cdm_block_member UNION SELECT block_key FROM cdm_block";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            add(reader.GetString(0));
        }
    }

    /// <summary>Calls <paramref name="add"/> with the type, key and state name of every stored row.</summary>
    public void ForEachStoredKey(Action<string, string, string> add)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT grain_type, grain_key, state_name FROM cdm_grain_state";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            add(reader.GetString(0), reader.GetString(1), reader.GetString(2));
        }
    }

    /// <summary>Up to <paramref name="limit"/> live rows after <paramref name="afterKey"/> (from the start when null), in key order.</summary>
    public List<(string GrainKey, byte[] Payload)> ReadPage(string grainType, string stateName, string? afterKey, int limit)
    {
        var command = afterKey is null ? _firstPage : _nextPage;
        command.Parameters["$grain_type"].Value = grainType;
        command.Parameters["$state_name"].Value = stateName;
        command.Parameters["$limit"].Value = limit;
        if (afterKey is not null)
        {
            command.Parameters["$after"].Value = afterKey;
        }

        var rows = new List<(string, byte[])>(limit);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
        }

        return rows;
    }

    public void Dispose()
    {
        _selectState.Dispose();
        _selectBlockCap.Dispose();
        _selectBlockMembers.Dispose();
        _firstPage.Dispose();
        _nextPage.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand CreateBlockCommand(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$block_key", SqliteType.Text);
        return command;
    }

    private SqliteCommand CreatePageCommand(string sql, bool withAfter)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$grain_type", SqliteType.Text);
        command.Parameters.Add("$state_name", SqliteType.Text);
        command.Parameters.Add("$limit", SqliteType.Integer);
        if (withAfter)
        {
            command.Parameters.Add("$after", SqliteType.Text);
        }

        return command;
    }
}
