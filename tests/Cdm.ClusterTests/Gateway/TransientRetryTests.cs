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

    /// <summary>What a lost silo looks like to a gateway: each of these is worth another try.</summary>
    public static TheoryData<Exception> ClusterFailures => new()
    {
        new SiloUnavailableException("silo declared dead"),
        new Orleans.Runtime.Messaging.ConnectionFailedException("connection reset"),
        new GatewayTooBusyException(),
        new Orleans.Storage.InconsistentStateException("etag mismatch"),
        new TimeoutException("no response"),
    };

    [Theory]
    [MemberData(nameof(ClusterFailures))]
    public void Failures_of_a_lost_silo_are_transient(Exception failure) => Assert.True(TransientRetry.IsTransient(failure));
}
