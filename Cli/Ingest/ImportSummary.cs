using Cdm.Api.V1;

namespace Cdm.Cli.Ingest;

/// <summary>
/// Adds up the results of an import: accepted records by status, rejections by field and reason,
/// flagged values, the profiles touched and the merges. Results arrive from several streams at once.
/// </summary>
public sealed class ImportSummary(int keepRejected = 20) : IIngestObserver
{
    /// <summary>Field name used to group lines of the file that could not be read as records.</summary>
    public const string MalformedField = "(line)";

    private readonly Lock gate = new();
    private readonly Dictionary<IngestStatus, long> accepted = [];
    private readonly Dictionary<(string Field, string Reason), long> rejections = [];
    private readonly Dictionary<(string Attribute, string Issue), long> flags = [];
    private readonly HashSet<string> profiles = new(StringComparer.Ordinal);
    private readonly HashSet<string> mergedAway = new(StringComparer.Ordinal);
    private readonly List<RejectedRecord> firstRejected = [];
    private long completed;
    private long rejected;
    private long noResult;
    private long mergingRecords;

    /// <summary>Records with an outcome so far (accepted, rejected or malformed); read for progress.</summary>
    public long Completed => Interlocked.Read(ref completed);

    public long Rejected => Interlocked.Read(ref rejected);

    /// <summary>Records whose stream ended before their result came back: their outcome is unknown.</summary>
    public long NoResult => Interlocked.Read(ref noResult);

    public long Accepted { get { lock (gate) { return accepted.Values.Sum(); } } }

    public long AcceptedWith(IngestStatus status) { lock (gate) { return accepted.GetValueOrDefault(status); } }

    /// <summary>Distinct profiles named by results (a profile later merged away is still counted).</summary>
    public int ProfilesTouched { get { lock (gate) { return profiles.Count; } } }

    /// <summary>Distinct profiles merged into another during the import.</summary>
    public int ProfilesMergedAway { get { lock (gate) { return mergedAway.Count; } } }

    /// <summary>Records whose arrival merged profiles.</summary>
    public long Merges => Interlocked.Read(ref mergingRecords);

    /// <summary>Rejections grouped by field and reason, most frequent first.</summary>
    public IReadOnlyList<(string Field, string Reason, long Count)> RejectionsByReason
    {
        get
        {
            lock (gate)
            {
                return [.. rejections.OrderByDescending(r => r.Value).ThenBy(r => r.Key.Field, StringComparer.Ordinal)
                    .Select(r => (r.Key.Field, r.Key.Reason, r.Value))];
            }
        }
    }

    /// <summary>Flagged values grouped by attribute and issue, most frequent first.</summary>
    public IReadOnlyList<(string Attribute, string Issue, long Count)> QualityFlags
    {
        get
        {
            lock (gate)
            {
                return [.. flags.OrderByDescending(f => f.Value).ThenBy(f => f.Key.Attribute, StringComparer.Ordinal)
                    .Select(f => (f.Key.Attribute, f.Key.Issue, f.Value))];
            }
        }
    }

    /// <summary>The first rejected records by line number, up to the number asked for at construction.</summary>
    public IReadOnlyList<RejectedRecord> FirstRejected
    {
        get { lock (gate) { return [.. firstRejected.OrderBy(r => r.LineNumber)]; } }
    }

    public void OnResult(long tag, IngestResult result, long sentAt)
    {
        lock (gate)
        {
            if (result.Status == IngestStatus.Rejected)
            {
                List<(string Field, string Reason)> reasons = result.Violations.Count == 0
                    ? [("", "rejected without a reason")]
                    : [.. result.Violations.Select(v => (v.Field, v.Reason))];
                foreach (var key in reasons)
                {
                    rejections[key] = rejections.GetValueOrDefault(key) + 1;
                }

                KeepRejected(new RejectedRecord(tag, result.Source, result.RecordId,
                    [.. reasons.Select(r => r.Field.Length == 0 ? r.Reason : $"{r.Field}: {r.Reason}")]));
                Interlocked.Increment(ref rejected);
            }
            else
            {
                accepted[result.Status] = accepted.GetValueOrDefault(result.Status) + 1;
                if (result.ProfileId.Length > 0)
                {
                    profiles.Add(result.ProfileId);
                }

                if (result.MergedProfileIds.Count > 0)
                {
                    mergedAway.UnionWith(result.MergedProfileIds);
                    Interlocked.Increment(ref mergingRecords);
                }

                foreach (var flag in result.QualityFlags)
                {
                    var key = (flag.Attribute, flag.Issue);
                    flags[key] = flags.GetValueOrDefault(key) + 1;
                }
            }

            Interlocked.Increment(ref completed);
        }
    }

    public void OnNoResult(long tag)
    {
        Interlocked.Increment(ref noResult);
    }

    /// <summary>A line of the file that was not sent because it could not be read as a record.</summary>
    public void OnMalformed(long lineNumber, string error)
    {
        lock (gate)
        {
            var key = (MalformedField, "malformed line");
            rejections[key] = rejections.GetValueOrDefault(key) + 1;
            KeepRejected(new RejectedRecord(lineNumber, null, null, [error]));
            Interlocked.Increment(ref rejected);
            Interlocked.Increment(ref completed);
        }
    }

    private void KeepRejected(RejectedRecord record)
    {
        // Results arrive out of order, so keep the lowest line numbers rather than the first to arrive.
        if (keepRejected <= 0)
        {
            return;
        }

        if (firstRejected.Count < keepRejected)
        {
            firstRejected.Add(record);
            return;
        }

        var highest = 0;
        for (var i = 1; i < firstRejected.Count; i++)
        {
            if (firstRejected[i].LineNumber > firstRejected[highest].LineNumber)
            {
                highest = i;
            }
        }

        if (record.LineNumber < firstRejected[highest].LineNumber)
        {
            firstRejected[highest] = record;
        }
    }
}
