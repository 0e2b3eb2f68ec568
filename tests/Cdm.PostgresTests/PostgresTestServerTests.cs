using Cdm.Testing.Postgres;
using Npgsql;

namespace Cdm.PostgresTests;

public sealed class PostgresTestServerTests
{
    [Fact]
    public async Task Each_database_is_new_and_empty()
    {
        var first = await PostgresTestServer.CreateDatabaseAsync("server smoke");
        var second = await PostgresTestServer.CreateDatabaseAsync("server smoke");
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);

        await using var connection = new NpgsqlConnection(first);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, (long)(await tables.ExecuteScalarAsync())!);
        await using var commit = new NpgsqlCommand("SHOW synchronous_commit", connection);
        Assert.Equal("on", (string)(await commit.ExecuteScalarAsync())!);
    }
}
