using Cdm.Grains.Storage;

namespace Cdm.UnitTests.Storage;

public sealed class CoalescedWritesTests
{
    [Fact]
    public async Task ChangesMadeWhileAWriteRuns_ShareTheNextWrite_AndEachCallerWaitsForIt()
    {
        var gate = new TaskCompletionSource();
        var writes = 0;
        var coalesced = new CoalescedWrites(async () =>
        {
            writes++;
            if (writes == 1)
            {
                await gate.Task;
            }
        }, () => throw new InvalidOperationException("no failure expected"));

        var first = coalesced.WriteAsync();
        var second = coalesced.WriteAsync();
        var third = coalesced.WriteAsync();
        Assert.Same(second, third);
        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);

        gate.SetResult();
        await Task.WhenAll(first, second, third);
        Assert.Equal(2, writes);
    }

    [Fact]
    public async Task AFailedWrite_FailsItsCallers_AndCallsOnFailure()
    {
        var failures = 0;
        var coalesced = new CoalescedWrites(() => Task.FromException(new IOException("disk")), () => failures++);

        await Assert.ThrowsAsync<IOException>(() => coalesced.WriteAsync());
        Assert.Equal(1, failures);
    }
}
