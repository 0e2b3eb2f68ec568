using System.Diagnostics.Metrics;
using Cdm.Contracts.Ingestion;

namespace Cdm.Grains.Diagnostics;

/// <summary>
/// The service's own instruments, on the meter <see cref="MeterName"/>. Plain System.Diagnostics.Metrics: the
/// host decides whether and where they are exported. The ingest path records through here thousands of times a
/// second: tags are constant strings in a struct, so a measurement allocates nothing.
/// </summary>
public sealed class CdmMetrics
{
    public const string MeterName = "CdmOrleans";

    private const string Outcome = "outcome";
    private const string Reason = "reason";

    private readonly TimeProvider time;
    private readonly Counter<long> recordsIngested;
    private readonly Histogram<double> resolutionDuration;
    private readonly Counter<long> resolutionRetries;
    private readonly Counter<long> mergesCompleted;
    private readonly Counter<long> profilesSealed;
    private readonly Counter<long> sagaResumes;
    private readonly Counter<long> blocksOverCap;
    private readonly Counter<long> matchDecisions;
    private readonly Counter<long> linksRefused;
    private readonly Counter<long> attributesDropped;

    public CdmMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        this.time = time;
        var meter = meterFactory.Create(MeterName);
        recordsIngested = meter.CreateCounter<long>("cdm.records.ingested", "{record}",
            "Records answered by the resolver, by outcome: created, linked, merged, updated, unchanged, rejected, failed.");
        resolutionDuration = meter.CreateHistogram<double>("cdm.resolution.duration", "ms",
            "Time to normalise and resolve one record into its profile, by outcome.");
        resolutionRetries = meter.CreateCounter<long>("cdm.resolution.retries", "{round}",
            "Resolution rounds started again because a concurrent ingest changed what is stored, by reason.");
        mergesCompleted = meter.CreateCounter<long>("cdm.merges.completed", "{merge}",
            "Profiles merged into another by a merge saga that ran to its end.");
        profilesSealed = meter.CreateCounter<long>("cdm.profiles.sealed", "{profile}",
            "Empty profiles, left by a lost race for an identifier, sealed as a forward to the target.");
        sagaResumes = meter.CreateCounter<long>("cdm.merge_saga.resumes", "{saga}",
            "Merge sagas the journal finished for a driver that did not, by reason (startup, stale) and outcome (completed, failed).");
        blocksOverCap = meter.CreateCounter<long>("cdm.blocks.over_cap", "{block}",
            "Blocks that reached their cap: they refuse new members and are no longer scanned.");
        matchDecisions = meter.CreateCounter<long>("cdm.match.decisions", "{pair}",
            "Candidate pairs scored at ingest, by decision (link, review).");
        attributesDropped = meter.CreateCounter<long>("cdm.attributes.dropped", "{attribute}",
            "Attributes and identifier types dropped because the source's schema does not list them, by source.");
        linksRefused = meter.CreateCounter<long>("cdm.links.refused", "{link}",
            "Links not made because a do-not-link constraint or an identifier limit forbids them.");
    }

    /// <summary>A timestamp to pass to <see cref="RecordIngested"/> once the record is answered.</summary>
    public long StartTiming() => time.GetTimestamp();

    /// <summary>One record answered with <paramref name="status"/>, resolved in the time since <paramref name="startedAt"/>.</summary>
    public void RecordIngested(IngestStatus status, long startedAt) => Record(OutcomeTag(status), startedAt);

    /// <summary>Counts what data minimisation dropped from one record of <paramref name="source"/>.</summary>
    public void AttributesDropped(string source, int count)
    {
        if (count > 0)
        {
            attributesDropped.Add(count, new KeyValuePair<string, object?>("source", source));
        }
    }

    /// <summary>One record whose resolution threw: the gateway retries it or its client sees a failure.</summary>
    public void RecordFailed(long startedAt) => Record(new(Outcome, "failed"), startedAt);

    public void ResolutionRetried(ResolutionRetryReason reason) => resolutionRetries.Add(1, ReasonTag(reason));

    public void MergeCompleted() => mergesCompleted.Add(1);

    public void ProfileSealed() => profilesSealed.Add(1);

    public void BlockOverCap() => blocksOverCap.Add(1);

    public void MatchDecided(string decision) => matchDecisions.Add(1, new KeyValuePair<string, object?>("decision", decision));

    public void LinkRefused() => linksRefused.Add(1);

    public void SagaResumed(SagaResumeReason reason, bool completed) =>
        sagaResumes.Add(1, ReasonTag(reason), completed ? new(Outcome, "completed") : new(Outcome, "failed"));

    private void Record(KeyValuePair<string, object?> outcome, long startedAt)
    {
        recordsIngested.Add(1, outcome);
        if (resolutionDuration.Enabled)
        {
            resolutionDuration.Record(time.GetElapsedTime(startedAt).TotalMilliseconds, outcome);
        }
    }

    private static KeyValuePair<string, object?> OutcomeTag(IngestStatus status) => status switch
    {
        IngestStatus.Created => new(Outcome, "created"),
        IngestStatus.Linked => new(Outcome, "linked"),
        IngestStatus.Merged => new(Outcome, "merged"),
        IngestStatus.Updated => new(Outcome, "updated"),
        IngestStatus.Unchanged => new(Outcome, "unchanged"),
        IngestStatus.Rejected => new(Outcome, "rejected"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not an ingest status"),
    };

    private static KeyValuePair<string, object?> ReasonTag(ResolutionRetryReason reason) => reason switch
    {
        ResolutionRetryReason.ClaimRace => new(Reason, "claim_race"),
        ResolutionRetryReason.SealRefused => new(Reason, "seal_refused"),
        ResolutionRetryReason.AbsorbedElsewhere => new(Reason, "absorbed_elsewhere"),
        ResolutionRetryReason.Redirected => new(Reason, "redirected"),
        ResolutionRetryReason.LinkRefused => new(Reason, "link_refused"),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "not a retry reason"),
    };

    private static KeyValuePair<string, object?> ReasonTag(SagaResumeReason reason) => reason switch
    {
        SagaResumeReason.Startup => new(Reason, "startup"),
        SagaResumeReason.Stale => new(Reason, "stale"),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "not a resume reason"),
    };
}
