using System.Collections.Immutable;
using Cdm.Contracts.Stewardship;
using Cdm.Grains.Storage;

namespace Cdm.Grains.Stewardship;

/// <summary>One partition of the review queue (<see cref="IReviewQueueGrain"/>).</summary>
[GrainType("review-queue")]
// Reentrant with coalesced writes: an ingest that opens a task waits for one write shared with the others.
[Orleans.Concurrency.Reentrant]
public sealed class ReviewQueueGrain(TimeProvider time) : Grain, IReviewQueueGrain
{
    private StoredState<ReviewQueueState> state = null!;
    private CoalescedWrites writes = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new StoredState<ReviewQueueState>(GrainContext, "review-queue");
        writes = new CoalescedWrites(state.WriteAsync, DeactivateOnIdle);
        return state.ReadAsync();
    }

    public async Task OpenAsync(ReviewTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (state.State.Open(task))
        {
            await writes.WriteAsync();
        }
    }

    public Task<ImmutableArray<ReviewTask>> ListAsync(ReviewStatus? status) => Task.FromResult<ImmutableArray<ReviewTask>>(
        [.. state.State.Tasks.Values.Where(t => status is null || t.Status == status)]);

    public Task<ReviewTask?> GetAsync(string taskId) => Task.FromResult(state.State.Tasks.GetValueOrDefault(taskId));

    public async Task<ReviewTask?> DecideAsync(string taskId, ReviewStatus status, string decidedBy)
    {
        var before = state.State.Tasks.GetValueOrDefault(taskId);
        var after = state.State.Decide(taskId, status, decidedBy, time.GetUtcNow());
        if (after is not null && !ReferenceEquals(before, after))
        {
            await writes.WriteAsync();
        }

        return after;
    }
}
