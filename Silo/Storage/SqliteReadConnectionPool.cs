using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Cdm.Silo.Storage;

/// <summary>
/// Read connections, one per concurrent reader. In WAL mode readers neither block nor wait for the writer, and a
/// point read takes microseconds, so reads run inline on the caller's thread: a hop to another thread would cost
/// more than the read. Long scans are the caller's to offload.
/// </summary>
internal sealed class SqliteReadConnectionPool(SqliteGroupCommitOptions options)
{
    private readonly ConcurrentBag<SqliteReadConnection> _idle = [];
    private volatile bool _disposed;

    public Task<TResult> RunAsync<TResult>(Func<SqliteReadConnection, TResult> work, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_disposed, this);
            return Task.FromResult(Use(work));
        }
        catch (Exception exception)
        {
            return Task.FromException<TResult>(exception);
        }
    }

    /// <summary>Closes every idle connection; later reads fail.</summary>
    public Task CloseAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }

        return Task.CompletedTask;
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
