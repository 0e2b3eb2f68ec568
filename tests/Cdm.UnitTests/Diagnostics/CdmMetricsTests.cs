using System.Diagnostics.Metrics;
using Cdm.Contracts.Ingestion;
using Cdm.Grains.Diagnostics;
using Cdm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cdm.UnitTests.Diagnostics;

public sealed class CdmMetricsTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider time = new();
    private readonly MeasurementRecorder recorder;
    private readonly CdmMetrics metrics;

    public CdmMetricsTests()
    {
        var meters = services.GetRequiredService<IMeterFactory>();
        recorder = new MeasurementRecorder(meters);
        metrics = new CdmMetrics(meters, time);
    }

    public void Dispose()
    {
        recorder.Dispose();
        services.Dispose();
    }

    [Theory]
    [InlineData(IngestStatus.Created, "created")]
    [InlineData(IngestStatus.Linked, "linked")]
    [InlineData(IngestStatus.Merged, "merged")]
    [InlineData(IngestStatus.Updated, "updated")]
    [InlineData(IngestStatus.Unchanged, "unchanged")]
    [InlineData(IngestStatus.Rejected, "rejected")]
    public void RecordIngested_CountsOneRecordAndTimesIt_TaggedWithItsOutcome(IngestStatus status, string outcome)
    {
        var startedAt = metrics.StartTiming();
        time.Advance(TimeSpan.FromMilliseconds(42));

        metrics.RecordIngested(status, startedAt);

        var counted = Assert.Single(recorder.Of("cdm.records.ingested"));
        Assert.Equal(1, counted.Value);
        Assert.True(counted.HasTag("outcome", outcome), $"cdm.records.ingested for {status}: expected outcome={outcome}, got {Tags(counted)}");
        var timed = Assert.Single(recorder.Of("cdm.resolution.duration"));
        Assert.Equal(42, timed.Value, precision: 6);
        Assert.True(timed.HasTag("outcome", outcome), $"cdm.resolution.duration for {status}: expected outcome={outcome}, got {Tags(timed)}");
    }

    [Fact]
    public void RecordFailed_CountsTheRecordAsFailed()
    {
        var startedAt = metrics.StartTiming();
        time.Advance(TimeSpan.FromSeconds(2));

        metrics.RecordFailed(startedAt);

        Assert.True(Assert.Single(recorder.Of("cdm.records.ingested")).HasTag("outcome", "failed"));
        Assert.Equal(2000, Assert.Single(recorder.Of("cdm.resolution.duration")).Value, precision: 6);
    }

    [Theory]
    [InlineData(ResolutionRetryReason.ClaimRace, "claim_race")]
    [InlineData(ResolutionRetryReason.SealRefused, "seal_refused")]
    [InlineData(ResolutionRetryReason.AbsorbedElsewhere, "absorbed_elsewhere")]
    [InlineData(ResolutionRetryReason.Redirected, "redirected")]
    public void ResolutionRetried_CountsTheRoundByReason(ResolutionRetryReason reason, string tag)
    {
        metrics.ResolutionRetried(reason);

        var retry = Assert.Single(recorder.Of("cdm.resolution.retries"));
        Assert.Equal(1, retry.Value);
        Assert.True(retry.HasTag("reason", tag), $"expected reason={tag}, got {Tags(retry)}");
    }

    [Fact]
    public void SagaResumed_IsTaggedWithReasonAndOutcome()
    {
        metrics.SagaResumed(SagaResumeReason.Startup, completed: true);
        metrics.SagaResumed(SagaResumeReason.Stale, completed: false);

        var resumes = recorder.Of("cdm.merge_saga.resumes");
        Assert.Equal(2, resumes.Count);
        Assert.True(resumes[0].HasTag("reason", "startup") && resumes[0].HasTag("outcome", "completed"), Tags(resumes[0]));
        Assert.True(resumes[1].HasTag("reason", "stale") && resumes[1].HasTag("outcome", "failed"), Tags(resumes[1]));
    }

    [Fact]
    public void MergesAndSeals_AreCountedOneEach()
    {
        metrics.MergeCompleted();
        metrics.MergeCompleted();
        metrics.ProfileSealed();

        Assert.Equal(2, recorder.Of("cdm.merges.completed").Sum(m => m.Value));
        Assert.Equal(1, recorder.Of("cdm.profiles.sealed").Sum(m => m.Value));
    }

    [Fact]
    public void Instruments_AreOnTheCdmOrleansMeter()
    {
        using var listener = new MeterListener();
        var meters = new List<string>();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (instrument.Meter.Scope == services.GetRequiredService<IMeterFactory>())
            {
                meters.Add(instrument.Meter.Name);
            }
        };

        listener.Start();

        Assert.NotEmpty(meters);
        Assert.All(meters, name => Assert.Equal(CdmMetrics.MeterName, name));
    }

    private static string Tags(RecordedMeasurement measurement) =>
        string.Join(", ", measurement.Tags.Select(t => $"{t.Key}={t.Value}"));
}
