namespace Cdm.Grains.Storage;

/// <summary>
/// Write coalescing for a reentrant grain: every change made while a write is running is saved by the next write,
/// which starts as soon as the running one ends, and each caller is answered only when a write that holds its change
/// has committed. A hot grain so does one storage write per batch of changes instead of one per call, without
/// acknowledging anything before it is durable. When a write fails, <paramref name="onFailure"/> runs (a grain
/// deactivates, so the next call starts from what storage holds) and the callers of that write see the error.
/// Not thread-safe: used from one grain's turns only.
/// </summary>
public sealed class CoalescedWrites(Func<Task> write, Action onFailure)
{
    private TaskCompletionSource? pending;
    private bool writing;

    /// <summary>Completes when the state, as it is now, is stored; fails when that write fails.</summary>
    public Task WriteAsync()
    {
        pending ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var saved = pending.Task;
        if (!writing)
        {
            _ = FlushAsync();
        }

        return saved;
    }

    private async Task FlushAsync()
    {
        writing = true;
        try
        {
            while (pending is { } batch)
            {
                // Changes made from here on belong to the next write.
                pending = null;
                try
                {
                    await write();
                    batch.SetResult();
                }
                catch (Exception e)
                {
                    onFailure();
                    batch.SetException(e);
                }
            }
        }
        finally
        {
            writing = false;
        }
    }
}
