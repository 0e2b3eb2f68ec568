using Cdm.Postgres.Migrations;
using Cdm.Postgres.Storage;
using Cdm.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cdm.PostgresTests.Storage;

/// <summary>A fresh database with the schema applied, and storages on it for one test.</summary>
internal sealed class GrainStateDatabase
{
    private GrainStateDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    public static async Task<GrainStateDatabase> CreateAsync(string purpose)
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync(purpose);
        await new SchemaMigrator().MigrateAsync(connectionString);
        return new GrainStateDatabase(connectionString);
    }

    public PostgresGroupCommitGrainStorage Create(Action<PostgresGroupCommitOptions>? configure = null)
    {
        var options = new PostgresGroupCommitOptions { ConnectionString = ConnectionString, ServiceId = "test-service" };
        configure?.Invoke(options);
        return new PostgresGroupCommitGrainStorage("test", options, TestActivators.Instance, NullLogger<PostgresGroupCommitGrainStorage>.Instance);
    }

    public async Task<PostgresGroupCommitGrainStorage> StartAsync(Action<PostgresGroupCommitOptions>? configure = null)
    {
        var storage = Create(configure);
        await storage.StartAsync();
        return storage;
    }

    /// <summary>A plain connection of its own, outside the storage's pools, for looking at or damaging the table.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
