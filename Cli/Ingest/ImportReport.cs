using Cdm.Api.V1;
using Spectre.Console;

namespace Cdm.Cli.Ingest;

/// <summary>Prints what an import did.</summary>
public static class ImportReport
{
    private static readonly (IngestStatus Status, string Name)[] Statuses =
    [
        (IngestStatus.Created, "created"),
        (IngestStatus.Linked, "linked"),
        (IngestStatus.Merged, "merged"),
        (IngestStatus.Updated, "updated"),
        (IngestStatus.Unchanged, "unchanged"),
    ];

    public static void Write(IAnsiConsole console, ImportSummary summary, TimeSpan elapsed)
    {
        var total = summary.Completed;
        console.WriteLine($"{total:N0} records in {elapsed.TotalSeconds:N1} s ({total / Math.Max(1e-3, elapsed.TotalSeconds):N0}/s)");

        var accepted = new Table().AddColumn("accepted").AddColumn(new TableColumn("records").RightAligned());
        foreach (var (status, name) in Statuses)
        {
            accepted.AddRow(new Text(name), new Text($"{summary.AcceptedWith(status):N0}"));
        }

        var other = summary.Accepted - Statuses.Sum(s => summary.AcceptedWith(s.Status));
        if (other > 0)
        {
            accepted.AddRow(new Text("other status"), new Text($"{other:N0}"));
        }

        accepted.AddRow(new Text("total"), new Text($"{summary.Accepted:N0}"));
        console.Write(accepted);

        console.WriteLine($"profiles touched: {summary.ProfilesTouched:N0}; records that merged profiles: {summary.Merges:N0}; " +
                          $"profiles merged away: {summary.ProfilesMergedAway:N0}");

        if (summary.QualityFlags.Count > 0)
        {
            var flags = new Table().AddColumn("flagged attribute").AddColumn("issue").AddColumn(new TableColumn("records").RightAligned());
            foreach (var (attribute, issue, count) in summary.QualityFlags)
            {
                flags.AddRow(new Text(attribute), new Text(issue), new Text($"{count:N0}"));
            }

            console.Write(flags);
        }

        if (summary.Rejected > 0)
        {
            var reasons = new Table().AddColumn("rejected field").AddColumn("reason").AddColumn(new TableColumn("records").RightAligned());
            foreach (var (field, reason, count) in summary.RejectionsByReason)
            {
                reasons.AddRow(new Text(field), new Text(reason), new Text($"{count:N0}"));
            }

            console.Write(reasons);
            console.WriteLine($"rejected: {summary.Rejected:N0}");
            var first = summary.FirstRejected;
            foreach (var rejected in first)
            {
                var key = rejected.Source is null ? "" : $" {rejected.Source}/{rejected.RecordId}";
                console.WriteLine($"  line {rejected.LineNumber}{key}: {string.Join("; ", rejected.Reasons)}");
            }

            if (summary.Rejected > first.Count)
            {
                console.WriteLine($"  ... and {summary.Rejected - first.Count:N0} more");
            }
        }

        if (summary.NoResult > 0)
        {
            console.WriteLine($"no result received for {summary.NoResult:N0} records: their outcome is unknown (re-importing is safe)");
        }
    }
}
