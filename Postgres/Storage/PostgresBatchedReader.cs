using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Cdm.Postgres.Storage;

/// <summary>
/// Point reads, grouped: <see cref="PostgresGroupCommitOptions.ReaderCount"/> loops each take what is queued (up
/// to a batch) and read it with one statement. A read on its own costs the server a parse, bind and execute, and
/// both sides a round trip and a wake-up, which on a small machine cost more than the index probe itself; a
/// batch pays them once. An idle reader sends a read at once, so batching adds no wait when there is no queue.
/// </summary>
internal sealed class PostgresBatchedReader
{
    private readonly PostgresGroupCommitOptions _options;
    private readonly string _serviceId;
    private readonly NpgsqlDataSource _connections;
    private readonly Channel<PendingRead> _queue =
        Channel.CreateUnbounded<PendingRead>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private Task[] _loops = [];
    private long _batches;
    private long _reads;

    public PostgresBatchedReader(PostgresGroupCommitOptions options, string serviceId, NpgsqlDataSource connections)
    {
        _options = options;
        _serviceId = serviceId;
        _connections = connections;
    }

    /// <summary>Statements sent so far; with batching, fewer than <see cref="Reads"/>.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    public long Reads => Interlocked.Read(ref _reads);

    public void Start() => _loops = [.. Enumerable.Range(0, _options.ReaderCount).Select(_ => Task.Run(RunAsync))];

    /// <summary>Queues a read; completes with the stored row, or null when there is none.</summary>
    public Task<StoredRow?> ReadAsync(string grainType, string stateName, string grainKey)
    {
        var read = new PendingRead(grainType, stateName, grainKey);
        if (!_queue.Writer.TryWrite(read))
        {
            throw new ObjectDisposedException(nameof(PostgresGroupCommitGrainStorage), "The grain storage is stopped.");
        }

        return read.Completion;
    }

    /// <summary>Takes no more reads and answers those already queued.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        return Task.WhenAll(_loops).WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingRead>(_options.MaxBatchSize);
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

    private async Task ReadBatchAsync(List<PendingRead> batch)
    {
        var (types, states, keys) = (new string[batch.Count], new string[batch.Count], new string[batch.Count]);
        for (var i = 0; i < batch.Count; i++)
        {
            (types[i], states[i], keys[i]) = (batch[i].GrainType, batch[i].StateName, batch[i].GrainKey);
        }

        // A pooled connection per batch: a broken one is dropped by the pool, and no loop holds one while idle.
        await using var command = _connections.CreateCommand(PostgresGrainStateSql.SelectMany);
        command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = _serviceId });
        command.Parameters.Add(TextArray(types));
        command.Parameters.Add(TextArray(states));
        command.Parameters.Add(TextArray(keys));
        var found = new bool[batch.Count];
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var index = (int)reader.GetInt64(0) - 1;
                found[index] = true;
                var payload = reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2);
                batch[index].Found(new StoredRow(reader.GetInt64(1), payload));
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (!found[i])
            {
                batch[i].Missing();
            }
        }
    }

    private static NpgsqlParameter<string[]> TextArray(string[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = values };
}
