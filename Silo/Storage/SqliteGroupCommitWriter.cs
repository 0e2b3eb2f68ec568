using System.Diagnostics;
using System.Globalization;
using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Cdm.Silo.Storage;

/// <summary>
/// The single writer of one database: a dedicated thread that owns the only writing connection, takes every
/// queued write (up to a batch), commits them in one transaction and only then completes them. A dedicated thread,
/// because SQLite calls block (its busy handler sleeps on the calling thread) and must never hold up Orleans'
/// scheduler or starve the thread pool.
/// </summary>
internal sealed partial class SqliteGroupCommitWriter
{
    private readonly SqliteGroupCommitOptions _options;
    private readonly ILogger _logger;
    // A queue and an event that never spins: the writer shares two cores with the grains it serves, and a
    // spinning wait (Task.Wait, SemaphoreSlim) burns the CPU they need while it waits for work.
    private readonly ConcurrentQueue<QueuedWrite> _queue = new();
    private readonly ManualResetEventSlim _signal = new(false, spinCount: 0);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<QueuedWrite> _batch;
    private readonly Thread _thread;
    private readonly Action _onCommitted;
    private SqliteConnection? _connection;
    private SqliteWriteCommands? _commands;
    private volatile bool _completed;
    private volatile bool _exited;
    private long _committedBatches;
    private long _committedWrites;

    /// <param name="committed">Called on the writer thread after each committed batch; must not block.</param>
    public SqliteGroupCommitWriter(SqliteGroupCommitOptions options, ILogger logger, Action committed)
    {
        _options = options;
        _logger = logger;
        _onCommitted = committed;
        _batch = new List<QueuedWrite>(options.MaxBatchSize);
        // Background: a process that exits without stopping loses only writes that were never acknowledged.
        _thread = new Thread(Run) { IsBackground = true, Name = "cdm-sqlite-writer" };
    }

    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    public long CommittedWrites => Interlocked.Read(ref _committedWrites);

    /// <summary>Opens the writer connection, creates the tables and starts the thread.</summary>
    public void Start()
    {
        _connection = SqliteConnectionFactory.OpenWriter(_options);
        try
        {
            SqliteGrainStateSchema.Apply(_connection);
            _commands = new SqliteWriteCommands(_connection);
        }
        catch
        {
            Close();
            throw;
        }

        _thread.Start();
    }

    /// <summary>Queues a write; the task completes with the new ETag once its batch committed.</summary>
    public Task<string?> EnqueueAsync(PendingWrite write)
    {
        Enqueue(write);
        return write.Completion;
    }

    /// <summary>Queues block-table changes; the task completes once their batch committed.</summary>
    public Task EnqueueAsync(BlockRowsWrite write)
    {
        Enqueue(write);
        return write.Completion;
    }

    private void Enqueue(QueuedWrite write)
    {
        if (_completed)
        {
            throw new ObjectDisposedException(nameof(SqliteGroupCommitGrainStorage), "The grain storage is stopped.");
        }

        _queue.Enqueue(write);
        _signal.Set();
        if (_exited)
        {
            // Raced with the writer's exit: nothing will commit it any more.
            FailQueued(new ObjectDisposedException(nameof(SqliteGroupCommitGrainStorage), "The grain storage is stopped."));
        }
    }

    /// <summary>Takes no more writes, commits those already queued, then closes the connection.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _completed = true;
        _signal.Set();
        return _stopped.Task.WaitAsync(cancellationToken);
    }

    private void Run()
    {
        try
        {
            while (TakeBatch())
            {
                CommitBatch();
                _batch.Clear();
            }
        }
        catch (Exception exception)
        {
            // Not expected: batch errors are handled per batch. Fail what is left rather than leave callers hanging.
            LogWriterFailed(exception);
            _completed = true;
            foreach (var write in _batch)
            {
                write.Fail(exception);
            }

            FailQueued(exception);
        }
        finally
        {
            _exited = true;
            FailQueued(new ObjectDisposedException(nameof(SqliteGroupCommitGrainStorage), "The grain storage is stopped."));
            Close();
            _stopped.TrySetResult();
        }
    }

    private void FailQueued(Exception exception)
    {
        while (_queue.TryDequeue(out var write))
        {
            write.Fail(exception);
        }
    }

    /// <summary>Waits for the first write, then takes what else is queued; false once stopped and drained.</summary>
    private bool TakeBatch()
    {
        QueuedWrite? write;
        while (true)
        {
            // Reset before looking: a write queued after this point sets the event again.
            _signal.Reset();
            if (_queue.TryDequeue(out write))
            {
                break;
            }

            if (_completed)
            {
                return false;
            }

            _signal.Wait();
        }

        _batch.Add(write);
        var max = _options.MaxBatchSize;
        while (_batch.Count < max && _queue.TryDequeue(out write))
        {
            _batch.Add(write);
        }

        if (_batch.Count < max && _options.MaxBatchDelay > TimeSpan.Zero)
        {
            Linger(max);
        }

        return true;
    }

    private void Linger(int max)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(_options.MaxBatchDelay.TotalSeconds * Stopwatch.Frequency);
        while (_batch.Count < max)
        {
            _signal.Reset();
            if (_queue.TryDequeue(out var write))
            {
                _batch.Add(write);
                continue;
            }

            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero || _completed || !_signal.Wait(remaining))
            {
                return;
            }
        }
    }

    private void CommitBatch()
    {
        SqliteTransaction? transaction = null;
        try
        {
            EnsureOpen();
            var modifiedAt = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
            transaction = _connection!.BeginTransaction(deferred: false);
            foreach (var write in _batch)
            {
                write.Apply(_commands!, modifiedAt);
            }

            transaction.Commit();
            transaction.Dispose();
        }
        catch (Exception exception)
        {
            // Nothing of the batch is durable, so every write in it fails. A failed commit can leave the
            // connection mid-transaction; the next batch starts on a fresh one.
            LogBatchFailed(exception, _batch.Count);
            DisposeQuietly(transaction);
            Close();
            foreach (var write in _batch)
            {
                write.Fail(exception);
            }

            return;
        }

        Interlocked.Increment(ref _committedBatches);
        Interlocked.Add(ref _committedWrites, _batch.Count);
        _onCommitted();
        foreach (var write in _batch)
        {
            write.Publish();
        }
    }

    private void EnsureOpen()
    {
        if (_connection is not null)
        {
            return;
        }

        _connection = SqliteConnectionFactory.OpenWriter(_options);
        _commands = new SqliteWriteCommands(_connection);
    }

    private void Close()
    {
        _commands?.Dispose();
        _commands = null;
        DisposeQuietly(_connection);
        _connection = null;
    }

    private void DisposeQuietly(IDisposable? disposable)
    {
        try
        {
            disposable?.Dispose();
        }
        catch (SqliteException exception)
        {
            LogCloseFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} grain state writes failed and was not committed")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the grain state writer connection failed")]
    private partial void LogCloseFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The grain state writer stopped on an unexpected error")]
    private partial void LogWriterFailed(Exception exception);
}
