using System.Data;
using Npgsql;

namespace Cdm.PostgresTests.Schema;

/// <summary>
/// Runs a query stored in orleansquery the way Orleans' ADO.NET providers do: the text as stored, parameters by
/// name without a prefix, typed by <see cref="DbType"/> as the providers type them.
/// </summary>
internal static class StoredQuery
{
    public static async Task<object?> ReadFirstAsync(string connectionString, string key, params (string Name, object? Value, DbType Type)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = await CreateAsync(connection, key, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? reader.GetValue(0) : null;
    }

    public static async Task<int> ExecuteAsync(string connectionString, string key, params (string Name, object? Value, DbType Type)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = await CreateAsync(connection, key, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlCommand> CreateAsync(NpgsqlConnection connection, string key, (string Name, object? Value, DbType Type)[] parameters)
    {
        await using var lookup = new NpgsqlCommand("SELECT querytext FROM orleansquery WHERE querykey = $1", connection);
        lookup.Parameters.Add(new NpgsqlParameter { Value = key });
        var text = (string?)await lookup.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No query {key}.");
        var command = new NpgsqlCommand(text, connection);
        foreach (var (name, value, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { ParameterName = name, Value = value ?? DBNull.Value, DbType = type });
        }

        return command;
    }
}
