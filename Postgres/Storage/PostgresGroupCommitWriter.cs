using System.Threading.Channels;
using Cdm.Silo.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cdm.Postgres.Storage;

/// <summary>
/// The writers of one storage: <see cref="PostgresGroupCommitOptions.WriterCount"/> loops, each holding one
/// connection, take what is queued (up to a batch), commit it in one round trip and only then complete each write.
/// Several loops, so that while one batch waits for the disk the next one is already on its way; PostgreSQL
/// flushes the WAL once for every commit waiting at that moment. Grain-state writes and block changes share the
/// queue and the batches.
/// </summary>
internal sealed partial class PostgresGroupCommitWriter
{
    private readonly PostgresGroupCommitOptions _options;
    private readonly string _serviceId;
    private readonly NpgsqlDataSource _connections;
    private readonly ILogger _logger;
    private readonly Channel<QueuedItem> _queue =
        Channel.CreateUnbounded<QueuedItem>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private Task[] _loops = [];
    private long _committedBatches;
    private long _committedWrites;

    /// <param name="connections">A pool of at least <see cref="PostgresGroupCommitOptions.WriterCount"/> connections, for the writers only.</param>
    public PostgresGroupCommitWriter(PostgresGroupCommitOptions options, string serviceId, NpgsqlDataSource connections, ILogger logger)
    {
        _options = options;
        _serviceId = serviceId;
        _connections = connections;
        _logger = logger;
    }

    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    public long CommittedWrites => Interlocked.Read(ref _committedWrites);

    public void Start() => _loops = [.. Enumerable.Range(0, _options.WriterCount).Select(_ => Task.Run(RunAsync))];

    /// <summary>Queues a write; the task completes with the new ETag once its batch committed.</summary>
    public Task<string?> EnqueueAsync(PendingWrite write)
    {
        Enqueue(new QueuedItem(write, null));
        return write.Completion;
    }

    /// <summary>Queues block changes; the task completes once their batch committed.</summary>
    public Task EnqueueAsync(PendingBlockWrite write)
    {
        Enqueue(new QueuedItem(null, write));
        return write.Completion;
    }

    private void Enqueue(QueuedItem write)
    {
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(PostgresGroupCommitGrainStorage), "The grain storage is stopped.");
        }
    }

    /// <summary>Takes no more writes, commits those already queued, then closes the connections.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return Task.WhenAll(_loops).WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<QueuedItem>(_options.MaxBatchSize);
        NpgsqlConnection? connection = null;
        try
        {
            // False once the queue is completed and empty: queued writes are committed before the loop ends.
            while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                if (!Take(batch))
                {
                    // Another writer took them.
                    continue;
                }

                if (_options.MaxBatchDelay > TimeSpan.Zero && batch.Count < _options.MaxBatchSize)
                {
                    await LingerAsync(batch).ConfigureAwait(false);
                }

                connection = await CommitAsync(connection, batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits up to <see cref="PostgresGroupCommitOptions.MaxBatchDelay"/> for the batch to fill.</summary>
    private async Task LingerAsync(List<QueuedItem> batch)
    {
        using var deadline = new CancellationTokenSource(_options.MaxBatchDelay);
        try
        {
            while (batch.Count < _options.MaxBatchSize && await _queue.Reader.WaitToReadAsync(deadline.Token).ConfigureAwait(false))
            {
                Take(batch);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // Commit what there is.
        }
    }

    private bool Take(List<QueuedItem> batch)
    {
        while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var write))
        {
            batch.Add(write);
        }

        return batch.Count > 0;
    }

    /// <summary>Commits one batch and completes its writes; never throws. Returns the connection to use next (null: open a new one).</summary>
    private async Task<NpgsqlConnection?> CommitAsync(NpgsqlConnection? connection, List<QueuedItem> batch)
    {
        List<PendingWrite> conflicts;
        var states = 0;
        try
        {
            connection ??= await OpenAsync().ConfigureAwait(false);
            // Stable, so two writes of one row (never expected) keep their order.
            var ordered = batch.Where(static w => w.State is not null).Select(static w => w.State!).Order(PendingWriteOrder.Instance).ToList();
            states = ordered.Count;
            // In queue order: of two changes of one member, the later wins.
            var blocks = BlockBatchChanges.Reduce(batch.Where(static w => w.Blocks is not null).Select(static w => w.Blocks!));
            conflicts = await PostgresWriteBatch.CommitAsync(connection, _serviceId, ordered, blocks, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Nothing of the batch is durable, so every write in it fails; the next batch starts on a fresh connection.
            LogBatchFailed(exception, batch.Count);
            await CloseQuietlyAsync(connection).ConfigureAwait(false);
            foreach (var write in batch)
            {
                write.Fail(exception);
            }

            return null;
        }

        Interlocked.Increment(ref _committedBatches);
        Interlocked.Add(ref _committedWrites, states);
        if (conflicts.Count > 0)
        {
            try
            {
                await PostgresWriteBatch.ReadStoredVersionsAsync(connection, _serviceId, conflicts, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // The batch is committed: its writes are still published, the conflicts without the stored version.
                LogStoredVersionsFailed(exception, conflicts.Count);
                await CloseQuietlyAsync(connection).ConfigureAwait(false);
                connection = null;
            }
        }

        foreach (var write in batch)
        {
            write.Publish();
        }

        return connection;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = await _connections.OpenConnectionAsync().ConfigureAwait(false);
        try
        {
            // A write is acknowledged as durable. A server, database or role default of synchronous_commit=off would
            // acknowledge commits a crash can lose; every other level flushes the commit locally first.
            await using var show = new NpgsqlCommand("SHOW synchronous_commit", connection);
            if (await show.ExecuteScalarAsync().ConfigureAwait(false) is "off")
            {
                await using var set = new NpgsqlCommand("SET synchronous_commit = on", connection);
                await set.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task CloseQuietlyAsync(NpgsqlConnection? connection)
    {
        if (connection is null)
        {
            return;
        }

        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or IOException or InvalidOperationException)
        {
            LogCloseFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} grain state and block writes failed and was not committed")]
    private partial void LogBatchFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the stored versions of {Count} conflicting writes failed; they fail without them")]
    private partial void LogStoredVersionsFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing a grain state writer connection failed")]
    private partial void LogCloseFailed(Exception exception);

    /// <summary>One entry of the queue: a grain-state write or clear, or the block changes of one call.</summary>
    private readonly record struct QueuedItem(PendingWrite? State, PendingBlockWrite? Blocks)
    {
        public void Publish()
        {
            State?.Publish();
            Blocks?.Publish();
        }

        public void Fail(Exception exception)
        {
            State?.Fail(exception);
            Blocks?.Fail(exception);
        }
    }
}
