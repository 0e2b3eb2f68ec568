using Cdm.Api.V1;
using Cdm.Cli.Ingest;

namespace Cdm.Cli.Tests.Ingest;

public sealed class ImportSummaryTests
{
    [Fact]
    public void Results_AreCountedByStatusReasonAndProfile()
    {
        var summary = new ImportSummary(keepRejected: 2);
        summary.OnResult(2, Accepted(IngestStatus.Created, "p1"), 0);
        summary.OnResult(3, Accepted(IngestStatus.Linked, "p1"), 0);
        summary.OnResult(4, Accepted(IngestStatus.Merged, "p1", "p2", "p3"), 0);
        summary.OnResult(9, Rejected(("record_id", "required"), ("attributes.email", "not an email")), 0);
        summary.OnResult(7, Rejected(("record_id", "required")), 0);
        summary.OnMalformed(5, "not JSON");
        summary.OnNoResult(8);

        Assert.Equal(6, summary.Completed);
        Assert.Equal(3, summary.Accepted);
        Assert.Equal(1, summary.AcceptedWith(IngestStatus.Merged));
        Assert.Equal(3, summary.Rejected);
        Assert.Equal(1, summary.NoResult);
        Assert.Equal(1, summary.ProfilesTouched);
        Assert.Equal(2, summary.ProfilesMergedAway);
        Assert.Equal(1, summary.Merges);
        Assert.Equal(("record_id", "required", 2L), summary.RejectionsByReason[0]);
        Assert.Equal(3, summary.RejectionsByReason.Count);
        Assert.Equal([5L, 7], summary.FirstRejected.Select(r => r.LineNumber));
        Assert.Equal(["not JSON"], summary.FirstRejected[0].Reasons);
    }

    private static IngestResult Accepted(IngestStatus status, string profile, params string[] merged) =>
        new() { Status = status, ProfileId = profile, MergedProfileIds = { merged } };

    private static IngestResult Rejected(params (string Field, string Reason)[] violations)
    {
        var result = new IngestResult { Status = IngestStatus.Rejected, Source = "s", RecordId = "r" };
        result.Violations.AddRange(violations.Select(v => new FieldViolation { Field = v.Field, Reason = v.Reason }));
        return result;
    }
}
