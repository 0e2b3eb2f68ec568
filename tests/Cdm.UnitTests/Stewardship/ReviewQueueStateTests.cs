using Cdm.Contracts.Stewardship;
using Cdm.Grains.Stewardship;

namespace Cdm.UnitTests.Stewardship;

public sealed class ReviewQueueStateTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Open_AddsATask_AndTheSameTaskAgainChangesNothing()
    {
        var queue = new ReviewQueueState();

        Assert.True(queue.Open(Task("src:a:1", "src:a:2", 0.3)));
        Assert.False(queue.Open(Task("src:a:1", "src:a:2", 0.3)));
        Assert.Equal(1, queue.Tasks.Count);
    }

    [Fact]
    public void Open_WithANewScore_RefreshesTheTask_KeepingWhenItWasOpened()
    {
        var queue = new ReviewQueueState();
        queue.Open(Task("src:a:1", "src:a:2", 0.3));

        Assert.True(queue.Open(Task("src:a:1", "src:a:2", 0.4) with { OpenedAt = Opened.AddDays(1) }));

        var task = queue.Get(ReviewTask.IdFor("src:a:1", "src:a:2"))!;
        Assert.Equal(0.4, task.Probability);
        Assert.Equal(Opened, task.OpenedAt);
    }

    [Fact]
    public void Decide_RecordsTheDecision_AndADecidedTaskIsNotReopened()
    {
        var queue = new ReviewQueueState();
        var opened = Task("src:a:1", "src:a:2", 0.3);
        queue.Open(opened);

        var decided = queue.Decide(opened.Id, ReviewStatus.Rejected, "ann", Opened.AddHours(1));

        Assert.Equal(ReviewStatus.Rejected, decided!.Status);
        Assert.Equal("ann", decided.DecidedBy);
        Assert.False(queue.Open(Task("src:a:1", "src:a:2", 0.9)));
        Assert.Equal(ReviewStatus.Rejected, queue.Get(opened.Id)!.Status);
        Assert.Null(queue.Decide("src:x|src:y", ReviewStatus.Accepted, "ann", Opened));
    }

    [Fact]
    public void ManyTasks_AreSpreadOverChunks_AndOnlyTheChangedChunkIsDirty()
    {
        var queue = new ReviewQueueState();
        for (var i = 0; i < 10; i++)
        {
            queue.Open(Task($"src:b:{i}", $"src:c:{i}", 0.2));
        }

        Assert.Equal((10 + ReviewQueueState.ChunkSize - 1) / ReviewQueueState.ChunkSize, queue.Tasks.ChunkCount);
        queue.Tasks.TakeDirty();

        queue.Decide(ReviewTask.IdFor("src:b:0", "src:c:0"), ReviewStatus.Accepted, "bo", Opened);

        Assert.Equal([0], queue.Tasks.TakeDirty());
    }

    [Fact]
    public void DropInvolving_RemovesEveryTaskNamingAKey_DecidedOrNot()
    {
        var queue = new ReviewQueueState();
        queue.Open(Task("src:crm:1", "src:shop:2", 0.5));
        queue.Open(Task("src:web:3", "src:crm:1", 0.6));
        queue.Open(Task("src:web:3", "email:ada@x.net", 0.7));
        queue.Open(Task("src:web:3", "src:shop:4", 0.8));
        queue.Decide(ReviewTask.IdFor("src:web:3", "src:crm:1"), ReviewStatus.Rejected, "steward", Opened);

        var dropped = queue.DropInvolving(new HashSet<string>(["src:crm:1", "email:ada@x.net"], StringComparer.Ordinal));

        Assert.Equal(3, dropped);
        Assert.Equal([ReviewTask.IdFor("src:web:3", "src:shop:4")], queue.Tasks.Ids);
        Assert.True(queue.Tasks.IsDirty);
    }

    private static ReviewTask Task(string left, string right, double probability) =>
        new(ReviewTask.IdFor(left, right), left, right, 3.5, probability, [], 1, Opened, ReviewStatus.Open, null, null, ReviewTask.PossibleMatch);
}
