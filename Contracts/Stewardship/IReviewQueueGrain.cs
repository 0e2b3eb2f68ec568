using System.Collections.Immutable;

namespace Cdm.Contracts.Stewardship;

/// <summary>
/// One partition of the review queue (key: 0 to <see cref="Partitions"/>−1, by the hash of the task id), so no
/// single grain takes every task. Listing fans out over the partitions.
/// </summary>
[Alias("cdm.IReviewQueueGrain")]
public interface IReviewQueueGrain : IGrainWithIntegerKey
{
    /// <summary>The number of partitions.</summary>
    public const int Partitions = 64;

    /// <summary>Opens a task; a task already held for the pair keeps its decision (an open one takes the newer score).</summary>
    Task OpenAsync(ReviewTask task);

    /// <summary>The tasks of this partition with <paramref name="status"/> (all when null).</summary>
    Task<ImmutableArray<ReviewTask>> ListAsync(ReviewStatus? status);

    /// <summary>One task, or null.</summary>
    Task<ReviewTask?> GetAsync(string taskId);

    /// <summary>Records a decision; returns the task as it now stands, or null when there is no such task.</summary>
    Task<ReviewTask?> DecideAsync(string taskId, ReviewStatus status, string decidedBy);

    /// <summary>Erasure: removes the tasks of this partition about any of <paramref name="keys"/>, decided or not; returns how many.</summary>
    Task<int> DropInvolvingAsync(ImmutableArray<string> keys);

    /// <summary>The partition of a task id (stable across processes: not <see cref="string.GetHashCode()"/>).</summary>
    public static long PartitionOf(string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        uint hash = 2166136261;
        foreach (var c in taskId)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash % Partitions;
    }
}
