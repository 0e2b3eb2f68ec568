using System.Diagnostics.Metrics;
using Cdm.Contracts.Ingestion;

namespace Cdm.Gateway.Diagnostics;

/// <summary>
/// The gateway's instruments, on the meter <see cref="MeterName"/>: what a client sees per record (the grain
/// call with its retries), beside the resolver's own figures on the silo. Tags are constant strings, so
/// recording allocates nothing.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "CdmOrleans.Gateway";

    private readonly TimeProvider time;
    private readonly Histogram<double> ingestDuration;
    private readonly Counter<long> transientRetries;

    public GatewayMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        this.time = time;
        var meter = meterFactory.Create(MeterName);
        ingestDuration = meter.CreateHistogram<double>("cdm.gateway.ingest.duration", "ms",
            "Time from a record's arrival at the gateway to its answer, retries included, by rpc (ingest, ingest_stream) and outcome.");
        transientRetries = meter.CreateCounter<long>("cdm.gateway.transient_retries", "{retry}",
            "Grain calls tried again after a transient failure, by the exception that caused it.");
    }

    /// <summary>A timestamp to pass to <see cref="RecordIngest"/> once the record is answered.</summary>
    public long StartTiming() => time.GetTimestamp();

    /// <summary>One record answered; a null <paramref name="status"/> means the call failed.</summary>
    public void RecordIngest(bool streamed, IngestStatus? status, long startedAt)
    {
        if (ingestDuration.Enabled)
        {
            ingestDuration.Record(
                time.GetElapsedTime(startedAt).TotalMilliseconds,
                new KeyValuePair<string, object?>("rpc", streamed ? "ingest_stream" : "ingest"),
                new KeyValuePair<string, object?>("outcome", OutcomeName(status)));
        }
    }

    public void TransientRetry(Exception exception) =>
        transientRetries.Add(1, new KeyValuePair<string, object?>("exception", exception.GetType().Name));

    private static string OutcomeName(IngestStatus? status) => status switch
    {
        null => "error",
        IngestStatus.Created => "created",
        IngestStatus.Linked => "linked",
        IngestStatus.Merged => "merged",
        IngestStatus.Updated => "updated",
        IngestStatus.Unchanged => "unchanged",
        IngestStatus.Rejected => "rejected",
        _ => "unknown",
    };
}
