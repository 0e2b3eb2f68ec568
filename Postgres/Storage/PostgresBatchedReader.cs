using System.Threading.Channels;
using Cdm.Grains.Blocking.Rows;
using Npgsql;
using NpgsqlTypes;

namespace Cdm.Postgres.Storage;

/// <summary>
/// Point reads, grouped: <see cref="PostgresGroupCommitOptions.ReaderCount"/> loops each take what is queued (up
/// to a batch) and read it with one statement. A read on its own costs the server a parse, bind and execute, and
/// both sides a round trip and a wake-up, which on a small machine cost more than the index probe itself; a
/// batch pays them once. An idle reader sends a read at once, so batching adds no wait when there is no queue.
/// Block reads share the queue: a batch holding both is one round trip of two statements.
/// </summary>
internal sealed class PostgresBatchedReader
{
    private readonly PostgresGroupCommitOptions _options;
    private readonly string _serviceId;
    private readonly NpgsqlDataSource _connections;
    private readonly Channel<QueuedItem> _queue =
        Channel.CreateUnbounded<QueuedItem>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private Task[] _loops = [];
    private long _batches;
    private long _reads;

    public PostgresBatchedReader(PostgresGroupCommitOptions options, string serviceId, NpgsqlDataSource connections)
    {
        _options = options;
        _serviceId = serviceId;
        _connections = connections;
    }

    /// <summary>Round trips so far (one or two statements each); with batching, fewer than <see cref="Reads"/>.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public long Reads => Interlocked.Read(ref _reads);

    public void Start() => _loops = [.. Enumerable.Range(0, _options.ReaderCount).Select(_ => Task.Run(RunAsync))];

    /// <summary>Queues a read; completes with the stored row, or null when there is none.</summary>
    public Task<StoredRow?> ReadAsync(string grainType, string stateName, string grainKey)
    {
        var read = new PendingRead(grainType, stateName, grainKey);
        Enqueue(new QueuedItem(read, null));
        return read.Completion;
    }

    /// <summary>Queues a block read; completes with the block's rows, or <see cref="StoredBlockRows.Empty"/> when it has none.</summary>
    public Task<StoredBlockRows> ReadBlockAsync(string blockKey)
    {
        var read = new PendingBlockRead(blockKey);
        Enqueue(new QueuedItem(null, read));
        return read.Completion;
    }

    private void Enqueue(QueuedItem read)
    {
        if (!_queue.Writer.TryWrite(read))
        {
            throw new ObjectDisposedException(nameof(PostgresGroupCommitGrainStorage), "The grain storage is stopped.");
        }
    }

    /// <summary>Takes no more reads and answers those already queued.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return Task.WhenAll(_loops).WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<QueuedItem>(_options.MaxBatchSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _options.MaxBatchSize && _queue.Reader.TryRead(out var read))
            {
                batch.Add(read);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                await ReadBatchAsync(batch).ConfigureAwait(false);
                Interlocked.Increment(ref _batches);
                Interlocked.Add(ref _reads, batch.Count);
            }
            catch (Exception exception)
            {
                // Each caller sees the failure as its read's: a grain whose state cannot be read fails to activate.
                foreach (var read in batch)
                {
                    read.Fail(exception);
                }
            }

            batch.Clear();
        }
    }

    private async Task ReadBatchAsync(List<QueuedItem> batch)
    {
        var stateReads = batch.Where(static r => r.State is not null).Select(static r => r.State!).ToList();
        var blockReads = batch.Where(static r => r.Block is not null).Select(static r => r.Block!).ToList();
        // A pooled connection per batch: a broken one is dropped by the pool, and no loop holds one while idle.
        await using var statements = _connections.CreateBatch();
        if (stateReads.Count > 0)
        {
            statements.BatchCommands.Add(StatesCommand(stateReads));
        }

        if (blockReads.Count > 0)
        {
            statements.BatchCommands.Add(new NpgsqlBatchCommand(PostgresBlockSql.SelectMany)
            {
                Parameters = { ServiceId(), TextArray([.. blockReads.Select(static r => r.BlockKey)]) },
            });
        }

        var found = new bool[stateReads.Count];
        await using (var reader = await statements.ExecuteReaderAsync().ConfigureAwait(false))
        {
            if (stateReads.Count > 0)
            {
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    var index = (int)reader.GetInt64(0) - 1;
                    found[index] = true;
                    var payload = reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2);
                    stateReads[index].Found(new StoredRow(reader.GetInt64(1), payload));
                }

                await reader.NextResultAsync().ConfigureAwait(false);
            }

            if (blockReads.Count > 0)
            {
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    var read = blockReads[(int)reader.GetInt64(0) - 1];
                    if (reader.IsDBNull(1))
                    {
                        read.OverCap(reader.GetBoolean(3));
                    }
                    else
                    {
                        read.Member(reader.GetString(1), reader.GetFieldValue<byte[]>(2));
                    }
                }
            }
        }

        for (var i = 0; i < stateReads.Count; i++)
        {
            if (!found[i])
            {
                stateReads[i].Missing();
            }
        }

        foreach (var read in blockReads)
        {
            read.Complete();
        }
    }

    private NpgsqlBatchCommand StatesCommand(List<PendingRead> reads)
    {
        var (types, states, keys) = (new string[reads.Count], new string[reads.Count], new string[reads.Count]);
        for (var i = 0; i < reads.Count; i++)
        {
            (types[i], states[i], keys[i]) = (reads[i].GrainType, reads[i].StateName, reads[i].GrainKey);
        }

        return new NpgsqlBatchCommand(PostgresGrainStateSql.SelectMany)
        {
            Parameters = { ServiceId(), TextArray(types), TextArray(states), TextArray(keys) },
        };
    }

    private NpgsqlParameter<string> ServiceId() => new() { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = _serviceId };

    private static NpgsqlParameter<string[]> TextArray(string[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = values };

    /// <summary>One entry of the queue: a grain-state read or a block read.</summary>
    private readonly record struct QueuedItem(PendingRead? State, PendingBlockRead? Block)
    {
        public void Fail(Exception exception)
        {
            State?.Fail(exception);
            Block?.Fail(exception);
        }
    }
}
