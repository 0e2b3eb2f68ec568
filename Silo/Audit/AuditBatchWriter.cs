using System.Threading.Channels;
using Cdm.Contracts.Audit;
using Cdm.Grains.Audit;

namespace Cdm.Silo.Audit;

/// <summary>
/// Appends audit entries in batches: callers queue an entry and wait; one loop takes everything queued (up to
/// <see cref="MaxBatch"/>), writes it in one transaction and answers them all. Under load, one commit serves many
/// entries, as the grain storage's group commit does.
/// </summary>
public abstract class AuditBatchWriter : IAuditStore, IAsyncDisposable
{
    private const int MaxBatch = 1024;

    private readonly Channel<(AuditEntry Entry, TaskCompletionSource Done)> queue =
        Channel.CreateUnbounded<(AuditEntry, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Lazy<Task> loop;

    protected AuditBatchWriter() => loop = new(() => Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

    public Task AppendAsync(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _ = loop.Value;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return queue.Writer.TryWrite((entry, done)) ? done.Task : Task.FromException(new ObjectDisposedException(GetType().Name));
    }

    public abstract Task<AuditPage> QueryAsync(AuditQuery query);

    /// <summary>Writes <paramref name="entries"/> in one transaction, all or none, on the writer thread.</summary>
    protected abstract void Write(IReadOnlyList<AuditEntry> entries);

    public virtual async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (loop.IsValueCreated)
        {
            await loop.Value;
        }

        GC.SuppressFinalize(this);
    }

    private void Run()
    {
        var batch = new List<(AuditEntry Entry, TaskCompletionSource Done)>(MaxBatch);
        while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                Write([.. batch.Select(static b => b.Entry)]);
                batch.ForEach(static b => b.Done.TrySetResult());
            }
            catch (Exception e)
            {
                // The callers fail and may retry; the writer goes on with the next batch.
                batch.ForEach(b => b.Done.TrySetException(e));
            }
        }
    }
}
