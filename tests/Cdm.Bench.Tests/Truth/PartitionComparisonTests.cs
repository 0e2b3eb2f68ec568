using Cdm.Bench.Truth;
using Cdm.Cli.Evaluation;

namespace Cdm.Bench.Tests.Truth;

public sealed class PartitionComparisonTests
{
    private static readonly TruthEntry[] Truth =
    [
        new("s", "1", "c1", "p1"),
        new("s", "2", "c1", "p1"),
        new("s", "3", "c3", "p2"),
        new("s", "4", "c4", "p3"),
    ];

    [Fact]
    public void Compare_SamePartitionUnderOtherNames_IsExact()
    {
        var report = PartitionComparison.Compare(Truth, Xref(("1", "x"), ("2", "x"), ("3", "y"), ("4", "z")));

        Assert.True(report.IsExact);
        Assert.Equal(1.0, report.Metrics.F1);
    }

    [Fact]
    public void AgainstPeople_ScoresProfilesAgainstThePersons()
    {
        // Records 3 and 4 are different people in one profile: one wrong pair of two predicted.
        var metrics = PartitionComparison.AgainstPeople(Truth, Xref(("1", "x"), ("2", "x"), ("3", "y"), ("4", "y")));

        Assert.Equal(3, metrics.TrueEntities);
        Assert.Equal(0.5, metrics.Precision, 6);
        Assert.Equal(1.0, metrics.Recall, 6);
    }

    [Fact]
    public void Compare_FindsSplitsMixesMissingAndExtra()
    {
        var xref = Xref(("1", "x"), ("2", "y"), ("3", "z"), ("5", "z"));
        xref[new RecordKey("s", "4")] = "y";

        var report = PartitionComparison.Compare(Truth, xref);

        Assert.False(report.IsExact);
        Assert.Equal(0, report.Missing);
        Assert.Equal(1, report.SplitComponents);
        Assert.Equal(1, report.MixedProfiles);
        Assert.Equal(1, report.Extra);
        Assert.Contains("component c1 is split over 2 profiles", report.FirstSplits[0]);
        Assert.StartsWith("profile y holds 2 components: c1, c4", report.FirstMixes[0]);
    }

    [Fact]
    public void Compare_ReportsRecordsInNoProfile()
    {
        var report = PartitionComparison.Compare(Truth, Xref(("1", "x"), ("2", "x"), ("3", "y")));

        Assert.Equal(1, report.Missing);
        Assert.False(report.IsExact);
        Assert.Equal("s/4 (component c4) is in no profile", report.FirstMissing[0]);
    }

    private static Dictionary<RecordKey, string> Xref(params (string Id, string Profile)[] references) =>
        references.ToDictionary(r => new RecordKey("s", r.Id), r => r.Profile);
}
