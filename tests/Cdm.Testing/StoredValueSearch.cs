using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cdm.Testing;

/// <summary>
/// Searches every row of every table of a database for values, as text and inside blobs (grain states are UTF-8 JSON):
/// the check that an erased person left no trace in storage. Each hit is reported as <c>table.column: value</c>.
/// </summary>
public static class StoredValueSearch
{
    /// <summary>The hits in a SQLite file, read through a read-only connection (a running writer is no obstacle in WAL mode).</summary>
    public static async Task<List<string>> InSqliteAsync(string databasePath, IReadOnlyCollection<string> values)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var hits = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            await CollectAsync(reader, table, values, hits);
        }

        return hits;
    }

    /// <summary>The hits in every table of the public schema of a PostgreSQL database.</summary>
    public static async Task<List<string>> InPostgresAsync(string connectionString, IReadOnlyCollection<string> values)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var hits = new List<string>();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"SELECT * FROM \"{table}\"", connection);
            await using var reader = await select.ExecuteReaderAsync();
            await CollectAsync(reader, table, values, hits);
        }

        return hits;
    }

    private static async Task CollectAsync(System.Data.Common.DbDataReader reader, string table, IReadOnlyCollection<string> values, List<string> hits)
    {
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (await reader.IsDBNullAsync(i))
                {
                    continue;
                }

                var text = reader.GetValue(i) switch
                {
                    byte[] bytes => Encoding.UTF8.GetString(bytes),
                    var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
                };
                foreach (var value in values)
                {
                    if (text.Contains(value, StringComparison.OrdinalIgnoreCase))
                    {
                        hits.Add($"{table}.{reader.GetName(i)}: {value}");
                    }
                }
            }
        }
    }
}
