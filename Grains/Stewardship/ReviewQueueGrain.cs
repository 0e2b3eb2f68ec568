using System.Collections.Immutable;
using Cdm.Contracts.Stewardship;
using Cdm.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Cdm.Grains.Stewardship;

/// <summary>One partition of the review queue (<see cref="IReviewQueueGrain"/>).</summary>
[GrainType("review-queue")]
// Reentrant with coalesced writes: an ingest that opens a task waits for one write shared with the others.
[Orleans.Concurrency.Reentrant]
public sealed class ReviewQueueGrain(TimeProvider time) : Grain, IReviewQueueGrain
{
    private ChunkedStoredState<ReviewQueueHeader, ReviewTask> stored = null!;
    private ReviewQueueState queue = null!;
    private CoalescedWrites writes = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        stored = new ChunkedStoredState<ReviewQueueHeader, ReviewTask>(
            GrainContext.ActivationServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Cdm), GrainContext.GrainId, "review-queue", ReviewQueueState.ChunkSize);
        writes = new CoalescedWrites(stored.WriteAsync, DeactivateOnIdle);
        await stored.ReadAsync();
        queue = new ReviewQueueState(stored.Items);
    }

    public async Task OpenAsync(ReviewTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (queue.Open(task))
        {
            await writes.WriteAsync();
        }
    }

    public Task<ImmutableArray<ReviewTask>> ListAsync(ReviewStatus? status) => Task.FromResult<ImmutableArray<ReviewTask>>(
        [.. queue.Tasks.Items.Select(static t => t.Value).Where(t => status is null || t.Status == status)]);

    public Task<ReviewTask?> GetAsync(string taskId) => Task.FromResult(queue.Get(taskId));

    public async Task<int> DropInvolvingAsync(ImmutableArray<string> keys)
    {
        var dropped = queue.DropInvolving(keys.ToHashSet(StringComparer.Ordinal));
        if (dropped > 0)
        {
            await writes.WriteAsync();
        }

        return dropped;
    }

    public async Task<ReviewTask?> DecideAsync(string taskId, ReviewStatus status, string decidedBy)
    {
        var before = queue.Get(taskId);
        var after = queue.Decide(taskId, status, decidedBy, time.GetUtcNow());
        if (after is not null && !ReferenceEquals(before, after))
        {
            await writes.WriteAsync();
        }

        return after;
    }
}

/// <summary>A review-queue partition stores nothing beside its tasks.</summary>
public sealed class ReviewQueueHeader
{
}
