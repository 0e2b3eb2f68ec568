using System.Diagnostics;
using Npgsql;

namespace Cdm.Bench.Load;

/// <summary>
/// The cluster storage's ceiling: how many single-row durable upserts per second PostgreSQL commits. A scratch
/// table of 1 KB rows, created for the measurement and dropped after it; each writer has its own connection and
/// runs one upsert per transaction (autocommit, synchronous_commit=on) in a loop, over keys of its own that it
/// keeps rewriting, as grains rewrite their states. This is what a storage committing each write on its own,
/// like Orleans' ADO.NET provider, can reach at best.
/// </summary>
public static class PostgresCeiling
{
    public const int RowBytes = 1024;

    // Each writer cycles over this many keys: first inserts, then updates of rows it wrote.
    private const int KeysPerWriter = 1024;

    public static async Task<PostgresFigure> MeasureAsync(string connectionString, int writers, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        var table = $"cdm_bench_ceiling_{Guid.NewGuid():N}";
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = "cdm-bench-ceiling" };
        try
        {
            await ExecuteAsync(settings.ConnectionString, $"CREATE TABLE {table} (id bigint PRIMARY KEY, payload bytea NOT NULL)", cancellationToken);
            try
            {
                return await RunAsync(settings.ConnectionString, table, writers, duration, cancellationToken);
            }
            finally
            {
                await ExecuteAsync(settings.ConnectionString, $"DROP TABLE IF EXISTS {table}", CancellationToken.None);
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new PostgresFigure(writers, 0, 0, 0, e.Message);
        }
    }

    private static async Task<PostgresFigure> RunAsync(string connectionString, string table, int writers, TimeSpan duration, CancellationToken cancellationToken)
    {
        // Every writer connects and prepares first, so the clock measures only upserts.
        var connections = new List<NpgsqlConnection>(writers);
        try
        {
            for (var w = 0; w < writers; w++)
            {
                var connection = new NpgsqlConnection(connectionString);
                connections.Add(connection);
                await connection.OpenAsync(cancellationToken);
                await using var durable = new NpgsqlCommand("SET synchronous_commit = on", connection);
                await durable.ExecuteNonQueryAsync(cancellationToken);
            }

            long rows = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(connections.Select((connection, w) => Task.Run(async () =>
            {
                await using var upsert = new NpgsqlCommand(
                    $"INSERT INTO {table} (id, payload) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET payload = excluded.payload",
                    connection);
                var id = new NpgsqlParameter<long>();
                var payload = new byte[RowBytes];
                new Random(w).NextBytes(payload);
                upsert.Parameters.Add(id);
                upsert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload });
                await upsert.PrepareAsync(cancellationToken);
                for (var i = 0L; clock.Elapsed < duration; i++)
                {
                    id.TypedValue = (long)w * KeysPerWriter + i % KeysPerWriter;
                    await upsert.ExecuteNonQueryAsync(cancellationToken);
                    Interlocked.Increment(ref rows);
                }
            }, cancellationToken)));

            var seconds = clock.Elapsed.TotalSeconds;
            return new PostgresFigure(writers, rows, seconds, rows / seconds, null);
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
