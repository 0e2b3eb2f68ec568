using System.Text.RegularExpressions;
using Cdm.Api.V1;
using Cdm.Cli.Evaluation;
using Cdm.Cli.Records;

namespace Cdm.Cli.Tests.Evaluation;

public sealed class TruthJoinTests
{
    [Fact]
    public void Evaluate_JoinsOnSourceKeyAndCountsWhatItCannotScore()
    {
        RecordLine[] lines =
        [
            Line(2, "s", "1", "rec-1-org"),
            Line(3, "s", "2", "rec-1-dup-0"),
            Line(4, "s", "3", "rec-2-org"),
            Line(5, "s", "4", "rec-2-dup-0"),
            Line(6, "s", "1", "rec-1-org"),
            Line(7, "s", "5", "nothing"),
            RecordLine.Malformed(8, "broken"),
        ];
        var xref = new Dictionary<RecordKey, string>
        {
            [new("s", "1")] = "p1",
            [new("s", "2")] = "p1",
            [new("s", "3")] = "p2",
        };

        var result = TruthJoin.Evaluate(lines, xref, new Regex(@"rec-(\d+)-"));

        Assert.Equal(3, result.Metrics.Records);
        Assert.Equal(1, result.Metrics.TruePairs);
        Assert.Equal(1, result.Metrics.CorrectPairs);
        Assert.Equal(1, result.MissingFromXref);
        Assert.Equal(["line 5: s/4"], result.FirstMissing);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(1, result.WithoutTruth);
        Assert.Equal(1, result.Malformed);
        Assert.Equal(7, result.RecordsRead);
    }

    [Theory]
    [InlineData("rec-12-dup-3", @"rec-(\d+)-", "12")]
    [InlineData("rec-12-org", @"rec-\d+", "rec-12")]
    [InlineData(" 7 ", null, "7")]
    [InlineData("", null, null)]
    [InlineData("abc", @"\d+", null)]
    public void TruthId_UsesFirstGroupOrWholeMatch(string value, string? pattern, string? expected)
    {
        Assert.Equal(expected, TruthJoin.TruthId(value, pattern is null ? null : new Regex(pattern)));
    }

    private static RecordLine Line(long number, string source, string id, string truth) =>
        new(number, new SourceRecord { Source = source, RecordId = id }, null, truth);
}
