using System.Diagnostics.Metrics;
using Cdm.Contracts.Ingestion;
using Cdm.Gateway.Diagnostics;
using Cdm.Gateway.Resilience;
using Cdm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cdm.ClusterTests.Gateway;

public sealed class GatewayMetricsTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider time = new();
    private readonly MeasurementRecorder recorder;
    private readonly GatewayMetrics metrics;

    public GatewayMetricsTests()
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        recorder = new MeasurementRecorder(meters);
        metrics = new GatewayMetrics(meters, time);
    }

    public void Dispose()
    {
        recorder.Dispose();
        services.Dispose();
    }

    [Theory]
    [InlineData(false, IngestStatus.Created, "ingest", "created")]
    [InlineData(true, IngestStatus.Merged, "ingest_stream", "merged")]
    [InlineData(true, null, "ingest_stream", "error")]
    public void RecordIngest_TimesTheRecordByRpcAndOutcome(bool streamed, IngestStatus? status, string rpc, string outcome)
    {
        var startedAt = metrics.StartTiming();
        time.Advance(TimeSpan.FromMilliseconds(7.5));

        metrics.RecordIngest(streamed, status, startedAt);

        var timed = Assert.Single(recorder.Of("cdm.gateway.ingest.duration"));
        Assert.Equal(7.5, timed.Value, precision: 6);
        Assert.True(timed.HasTag("rpc", rpc) && timed.HasTag("outcome", outcome),
            $"expected rpc={rpc}, outcome={outcome}; got {string.Join(", ", timed.Tags.Select(t => $"{t.Key}={t.Value}"))}");
    }

    [Fact]
    public async Task TransientRetry_CountsEachRetryByItsException_AndNotTheLastFailure()
    {
        var retry = new TransientRetry(attempts: 3, firstDelay: TimeSpan.Zero, metrics: metrics);

        await Assert.ThrowsAsync<TimeoutException>(() => retry.RunAsync<string>(() => throw new TimeoutException("slow silo"), CancellationToken.None));

        var retries = recorder.Of("cdm.gateway.transient_retries");
        Assert.Equal(2, retries.Count);
        Assert.All(retries, r => Assert.True(r.HasTag("exception", nameof(TimeoutException)), "each retry names its exception"));
    }

    [Fact]
    public async Task TransientRetry_DoesNotCountFailuresItDoesNotRetry()
    {
        var retry = new TransientRetry(attempts: 3, firstDelay: TimeSpan.Zero, metrics: metrics);

        await Assert.ThrowsAsync<ArgumentException>(() => retry.RunAsync<string>(() => throw new ArgumentException("bad"), CancellationToken.None));

        Assert.Empty(recorder.Of("cdm.gateway.transient_retries"));
    }
}
