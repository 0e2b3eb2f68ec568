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
        // Every writer connects and prepares its upsert first, so the clock measures only upserts.
        var connections = new List<NpgsqlConnection>(writers);
        var upserts = new List<NpgsqlCommand>(writers);
        try
        {
            for (var w = 0; w < writers; w++)
            {
                var connection = new NpgsqlConnection(connectionString);
                connections.Add(connection);
                await connection.OpenAsync(cancellationToken);
                await using var durable = new NpgsqlCommand("SET synchronous_commit = on", connection);
                await durable.ExecuteNonQueryAsync(cancellationToken);
                upserts.Add(await PrepareUpsertAsync(connection, table, w, cancellationToken));
            }

            long rows = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(upserts.Select((upsert, w) => Task.Run(async () =>
            {
                var id = (NpgsqlParameter<long>)upsert.Parameters[0];
                // At least one each, however late a writer starts on a busy machine.
                var i = 0L;
                do
                {
                    id.TypedValue = (long)w * KeysPerWriter + i++ % KeysPerWriter;
                    await upsert.ExecuteNonQueryAsync(cancellationToken);
                    Interlocked.Increment(ref rows);
                }
                while (clock.Elapsed < duration);
            }, cancellationToken)));

            var seconds = clock.Elapsed.TotalSeconds;
            return new PostgresFigure(writers, rows, seconds, rows / seconds, null);
        }
        finally
        {
            foreach (var upsert in upserts)
            {
                await upsert.DisposeAsync();
            }

            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task<NpgsqlCommand> PrepareUpsertAsync(NpgsqlConnection connection, string table, int writer, CancellationToken cancellationToken)
    {
        var upsert = new NpgsqlCommand(
            $"INSERT INTO {table} (id, payload) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET payload = excluded.payload",
            connection);
        var payload = new byte[RowBytes];
        new Random(writer).NextBytes(payload);
        upsert.Parameters.Add(new NpgsqlParameter<long>());
        upsert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = payload });
        await upsert.PrepareAsync(cancellationToken);
        return upsert;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
