using Cdm.Api.V1;
using Cdm.Cli.Ingest;

namespace Cdm.ClusterProcessTests;

/// <summary>Which records the gateway answered, and a signal when a given number of answers has arrived.</summary>
public sealed class AcknowledgementTracker(int records) : IIngestObserver
{
    private readonly int[] answered = new int[records];
    private readonly Lock gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> waiters = [];
    private int count;

    public int Count => Volatile.Read(ref count);

    public int Rejected { get; private set; }

    public void OnResult(long tag, IngestResult result, long sentAt)
    {
        if (Interlocked.Exchange(ref answered[tag], 1) == 1)
        {
            return;
        }

        lock (gate)
        {
            if (result.Status == IngestStatus.Rejected)
            {
                Rejected++;
            }

            count++;
            foreach (var waiter in waiters.Where(w => w.Count <= count))
            {
                waiter.Reached.TrySetResult();
            }
        }
    }

    public void OnNoResult(long tag)
    {
        // Unknown outcome: the record stays unanswered and is sent again.
    }

    /// <summary>Completes once <paramref name="answers"/> records have been answered.</summary>
    public Task ReachedAsync(int answers)
    {
        lock (gate)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (count >= answers)
            {
                reached.SetResult();
            }
            else
            {
                waiters.Add((answers, reached));
            }

            return reached.Task;
        }
    }

    public IEnumerable<int> Unanswered() => Enumerable.Range(0, answered.Length).Where(i => Volatile.Read(ref answered[i]) == 0);
}
