using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Cdm.Silo.Storage;

/// <summary>
/// A fixed number of read connections. In WAL mode readers neither block nor wait for the writer, so reads go
/// straight to the database; they run on the thread pool so a grain's scheduler never blocks on SQLite.
/// </summary>
internal sealed class SqliteReadConnectionPool(SqliteGroupCommitOptions options)
{
    private readonly SemaphoreSlim _permits = new(options.ReadConnections, options.ReadConnections);
    private readonly ConcurrentBag<SqliteReadConnection> _idle = [];
    private volatile bool _disposed;

    public async Task<TResult> RunAsync<TResult>(Func<SqliteReadConnection, TResult> work, CancellationToken cancellationToken)
    {
        // Waiting for a permit is asynchronous, so a burst of reads queues here instead of holding threads.
        await _permits.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return await Task.Run(() => Use(work), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _permits.Release();
        }
    }

    /// <summary>Waits for running reads to finish, then closes every connection; later reads fail.</summary>
    public async Task CloseAsync()
    {
        _disposed = true;
        for (var i = 0; i < options.ReadConnections; i++)
        {
            await _permits.WaitAsync().ConfigureAwait(false);
        }

        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }

        // Reads still waiting for a permit get one and fail as closed.
        _permits.Release(options.ReadConnections);
    }

    private TResult Use<TResult>(Func<SqliteReadConnection, TResult> work)
    {
        var connection = _idle.TryTake(out var idle) ? idle : new SqliteReadConnection(options);
        try
        {
            var result = work(connection);
            _idle.Add(connection);
            return result;
        }
        catch (SqliteException)
        {
            // The connection may be unusable; the next read opens a fresh one.
            connection.Dispose();
            throw;
        }
        catch
        {
            _idle.Add(connection);
            throw;
        }
    }
}
