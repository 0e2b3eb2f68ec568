using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Cdm.Bench.Load;

/// <summary>
/// The storage ceiling: how many single-row transactions per second SQLite commits on this disk. A
/// table of 1 KB rows in a fresh file in WAL mode; each writer is a thread with its own connection that
/// runs BEGIN IMMEDIATE, one INSERT and COMMIT in a loop. With many writers they queue on SQLite's
/// write lock (busy_timeout, no application retry), which is what independent grains writing through
/// their own connections would see.
/// </summary>
public static class SqliteCeiling
{
    public const int RowBytes = 1024;

    public static StorageFigure Measure(string directory, string synchronous, int writers, TimeSpan duration)
    {
        var path = Path.Combine(directory, $"cdm-bench-{Guid.NewGuid():N}.sqlite");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 60 }.ToString();
        try
        {
            using (var setup = new SqliteConnection(connectionString))
            {
                setup.Open();
                Execute(setup, "PRAGMA journal_mode=WAL; CREATE TABLE rows (id INTEGER PRIMARY KEY, payload BLOB NOT NULL);");
            }

            long rows = 0;
            Exception? failure = null;
            using var start = new Barrier(writers + 1);
            var deadline = 0L;
            var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
            {
                var started = false;
                try
                {
                    using var connection = new SqliteConnection(connectionString);
                    connection.Open();
                    Execute(connection, $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout=60000;");
                    using var begin = Command(connection, "BEGIN IMMEDIATE");
                    using var insert = Command(connection, "INSERT INTO rows (payload) VALUES ($payload)");
                    using var commit = Command(connection, "COMMIT");
                    var payload = new byte[RowBytes];
                    new Random(w).NextBytes(payload);
                    insert.Parameters.AddWithValue("$payload", payload);
                    begin.Prepare();
                    insert.Prepare();
                    commit.Prepare();
                    start.SignalAndWait();
                    started = true;
                    while (Stopwatch.GetTimestamp() < Volatile.Read(ref deadline))
                    {
                        begin.ExecuteNonQuery();
                        insert.ExecuteNonQuery();
                        commit.ExecuteNonQuery();
                        Interlocked.Increment(ref rows);
                    }
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                    if (!started)
                    {
                        // Do not leave the others waiting for a writer that will never start.
                        start.RemoveParticipant();
                    }
                }
            }) { IsBackground = true, Name = $"sqlite-writer-{w}" }).ToList();

            threads.ForEach(t => t.Start());
            var clock = Stopwatch.StartNew();
            Volatile.Write(ref deadline, Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));
            start.SignalAndWait();
            clock.Restart();
            threads.ForEach(t => t.Join());
            var seconds = clock.Elapsed.TotalSeconds;
            return new StorageFigure(synchronous, writers, rows, seconds, rows / seconds, failure?.Message);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            return new StorageFigure(synchronous, writers, 0, 0, 0, e.Message);
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, sql);
        command.ExecuteNonQuery();
    }
}
