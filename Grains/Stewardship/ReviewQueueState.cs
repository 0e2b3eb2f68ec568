using Cdm.Contracts.Stewardship;
using Cdm.Grains.Storage;

namespace Cdm.Grains.Stewardship;

/// <summary>
/// Stored state of one review-queue partition: its tasks by id, in chunks, so that opening a task rewrites a few
/// tasks and not the whole partition (a bulk load opens thousands).
/// </summary>
public sealed class ReviewQueueState
{
    /// <summary>Tasks per stored chunk: a task carries both records and the evidence, a kilobyte or two.</summary>
    public const int ChunkSize = 4;

    public ReviewQueueState()
        : this(new ChunkedItems<ReviewTask>(ChunkSize))
    {
    }

    public ReviewQueueState(ChunkedItems<ReviewTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        Tasks = tasks;
    }

    public ChunkedItems<ReviewTask> Tasks { get; }

    /// <summary>The task of <paramref name="taskId"/>, or null.</summary>
    public ReviewTask? Get(string taskId) => Tasks.TryGet(taskId, out var task) ? task : null;

    /// <summary>Opens or refreshes a task; false when nothing changed. Decided tasks keep their decision.</summary>
    public bool Open(ReviewTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (Tasks.TryGet(task.Id, out var held))
        {
            if (held.Status != ReviewStatus.Open || (held.Probability == task.Probability && held.Kind == task.Kind))
            {
                return false;
            }

            task = task with { OpenedAt = held.OpenedAt };
        }

        Tasks.Set(task.Id, task);
        return true;
    }

    /// <summary>Removes every task about one of <paramref name="keys"/> (records or identifiers of an erased person); returns how many.</summary>
    public int DropInvolving(IReadOnlySet<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var involved = Tasks.Items
            .Where(t => keys.Contains(t.Value.LeftSourceKey) || keys.Contains(t.Value.RightSourceKey))
            .Select(static t => t.Key)
            .ToList();
        foreach (var id in involved)
        {
            Tasks.Remove(id);
        }

        return involved.Count;
    }

    /// <summary>Sets a decision; null when the task is unknown. Deciding again with the same status changes nothing.</summary>
    public ReviewTask? Decide(string taskId, ReviewStatus status, string decidedBy, DateTimeOffset at)
    {
        if (!Tasks.TryGet(taskId, out var task))
        {
            return null;
        }

        if (task.Status == status)
        {
            return task;
        }

        var decided = task with { Status = status, DecidedBy = decidedBy, DecidedAt = at };
        Tasks.Set(taskId, decided);
        return decided;
    }
}
