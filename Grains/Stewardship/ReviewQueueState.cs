using Cdm.Contracts.Stewardship;

namespace Cdm.Grains.Stewardship;

/// <summary>Stored state of one review-queue partition: its tasks by id.</summary>
public sealed class ReviewQueueState
{
    public Dictionary<string, ReviewTask> Tasks { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Opens or refreshes a task; false when nothing changed. Decided tasks keep their decision.</summary>
    public bool Open(ReviewTask task)
    {
        if (Tasks.TryGetValue(task.Id, out var held))
        {
            if (held.Status != ReviewStatus.Open || (held.Probability == task.Probability && held.Kind == task.Kind))
            {
                return false;
            }

            task = task with { OpenedAt = held.OpenedAt };
        }

        Tasks[task.Id] = task;
        return true;
    }

    /// <summary>Sets a decision; null when the task is unknown. Deciding again with the same status changes nothing.</summary>
    public ReviewTask? Decide(string taskId, ReviewStatus status, string decidedBy, DateTimeOffset at)
    {
        if (!Tasks.TryGetValue(taskId, out var task))
        {
            return null;
        }

        if (task.Status == status)
        {
            return task;
        }

        return Tasks[taskId] = task with { Status = status, DecidedBy = decidedBy, DecidedAt = at };
    }
}
