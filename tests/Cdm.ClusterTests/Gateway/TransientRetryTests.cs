using Cdm.Gateway.Resilience;

namespace Cdm.ClusterTests.Gateway;

public sealed class TransientRetryTests
{
    private readonly TransientRetry retry = new(attempts: 3, firstDelay: TimeSpan.Zero);

    [Fact]
    public async Task TransientFailures_AreRetriedUntilTheCallSucceeds()
    {
        var calls = 0;

        var result = await retry.RunAsync(() => ++calls < 3 ? throw new TimeoutException("slow silo") : Task.FromResult("done"), CancellationToken.None);

        Assert.Equal("done", result);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task TransientFailures_GiveUpAfterTheLastAttempt()
    {
        var calls = 0;

        await Assert.ThrowsAsync<TimeoutException>(() => retry.RunAsync<string>(() => { calls++; throw new TimeoutException("down"); }, CancellationToken.None));

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task OtherFailures_AreNotRetried()
    {
        var calls = 0;

        await Assert.ThrowsAsync<ArgumentException>(() => retry.RunAsync<string>(() => { calls++; throw new ArgumentException("bad"); }, CancellationToken.None));

        Assert.Equal(1, calls);
    }
}
