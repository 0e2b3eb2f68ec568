using System.Collections.Immutable;
using System.Text.Json;
using Cdm.Grains.Matching;

namespace Cdm.UnitTests.Matching;

public sealed class MatchModelTests
{
    private static readonly ImmutableArray<Comparison> Names = [NameComparison.FirstName(), NameComparison.LastName()];

    // Levels: missing, exact, close, loose, swapped, crossed, different; the first name also has nickname before crossed.
    private static readonly ImmutableArray<double> NameM = [1, 0.8, 0.1, 0.04, 0.01, 0.01, 0.04];
    private static readonly ImmutableArray<double> NameU = [1, 0.01, 0.02, 0.048, 0.001, 0.002, 0.919];
    private static readonly ImmutableArray<double> FirstNameM = [1, 0.8, 0.1, 0.03, 0.01, 0.01, 0.01, 0.04];
    private static readonly ImmutableArray<double> FirstNameU = [1, 0.01, 0.02, 0.046, 0.001, 0.002, 0.002, 0.919];

    private static MatchModel Model(IReadOnlyDictionary<string, TermFrequencyTable>? tables = null) =>
        new(Names, [FirstNameM, NameM], [FirstNameU, NameU], lambda: 0.01, tables);

    [Fact]
    public void Score_WeightIsTheSumOfLog2MOverU()
    {
        var score = Model().Score(new MatchRecord("ada", "lovelace"), new MatchRecord("ada", "smith"));
        var exact = Math.Log2(0.8 / 0.01);
        var different = Math.Log2(0.04 / 0.919);
        Assert.Equal(2, score.Parts.Length);
        Assert.Equal(new FieldWeight("first_name", "exact", exact), score.Parts[0]);
        Assert.Equal("different", score.Parts[1].Level);
        Assert.Equal(different, score.Parts[1].Weight, 10);
        Assert.Equal(exact + different, score.Weight, 10);
        Assert.Equal(score.Parts.Sum(p => p.Weight), score.Weight, 10);
    }

    [Fact]
    public void Score_ProbabilityAddsThePrior()
    {
        var model = Model();
        var score = model.Score(new MatchRecord("ada", "lovelace"), new MatchRecord("ada", "lovelace"));
        var odds = 0.01 / 0.99 * Math.Pow(2, score.Weight);
        Assert.Equal(odds / (1 + odds), score.Probability, 10);
        Assert.Equal(0.01, model.Probability(0), 10);
        Assert.True(model.IsMatch(score), $"probability {score.Probability}");
    }

    [Fact]
    public void Score_MissingValueWeighsNothing()
    {
        var score = Model().Score(new MatchRecord("ada", null), new MatchRecord("ada", "lovelace"));
        Assert.Equal("missing", score.Parts[1].Level);
        Assert.Equal(0.0, score.Parts[1].Weight);
    }

    [Fact]
    public void TermFrequency_RareSurnameWeighsMoreThanCommonOne()
    {
        var surnames = Enumerable.Repeat("smith", 500).Concat(Enumerable.Range(0, 499).Select(i => $"name{i}")).Append("lovelace");
        var tables = new Dictionary<string, TermFrequencyTable> { ["last_name"] = TermFrequencyTable.Build(surnames) };
        var model = Model(tables);

        var rare = model.Score(new MatchRecord(LastName: "lovelace"), new MatchRecord(LastName: "lovelace")).Weight;
        var common = model.Score(new MatchRecord(LastName: "smith"), new MatchRecord(LastName: "smith")).Weight;
        var plain = Model().Score(new MatchRecord(LastName: "smith"), new MatchRecord(LastName: "smith")).Weight;

        Assert.True(rare > plain, $"rare {rare} should exceed the unadjusted {plain}");
        Assert.True(common < plain, $"common {common} should fall below the unadjusted {plain}");
        Assert.Equal(Math.Log2(0.8 / 0.01) + Math.Log2(0.01 / 0.5), common, 10);
        Assert.Equal(plain + Math.Log2(0.01 / 0.001), rare, 10);
    }

    [Fact]
    public void TermFrequency_AdjustmentIsBounded()
    {
        var tables = new Dictionary<string, TermFrequencyTable>
        {
            ["last_name"] = new(new Dictionary<string, double> { ["lovelace"] = 1e-9, ["smith"] = 0.9 }, 1e-9),
        };
        var plain = Math.Log2(0.8 / 0.01);
        Assert.Equal(plain + MatchModel.MaxTermFrequencyAdjustment, Model(tables).Score(new MatchRecord(LastName: "lovelace"), new MatchRecord(LastName: "lovelace")).Weight, 10);
        Assert.Equal(plain - MatchModel.MaxTermFrequencyAdjustment, Model(tables).Score(new MatchRecord(LastName: "smith"), new MatchRecord(LastName: "smith")).Weight, 10);
    }

    [Fact]
    public void TermFrequency_OnlyAdjustsExactAgreement()
    {
        var tables = new Dictionary<string, TermFrequencyTable> { ["last_name"] = TermFrequencyTable.Build(["smith", "smith", "smyth"]) };
        var adjusted = Model(tables).Score(new MatchRecord(LastName: "smith"), new MatchRecord(LastName: "smyth"));
        var plain = Model().Score(new MatchRecord(LastName: "smith"), new MatchRecord(LastName: "smyth"));
        Assert.Equal(plain.Weight, adjusted.Weight, 10);
    }

    [Fact]
    public void Document_RoundTripsThroughJson()
    {
        var tables = new Dictionary<string, TermFrequencyTable> { ["last_name"] = TermFrequencyTable.Build(["smith", "smith", "jones"]) };
        var model = Model(tables);
        var json = JsonSerializer.Serialize(model.ToDocument());
        var document = JsonSerializer.Deserialize<MatchModelDocument>(json)!;

        Assert.Equal(MatchModelDocument.CurrentVersion, document.Version);
        Assert.Equal(new[] { "missing", "exact", "close", "loose", "swapped", "nickname", "crossed", "different" }, document.Comparisons[0].Levels.Select(l => l.Name));
        var restored = document.ToModel(Names);
        var left = new MatchRecord("ada", "jones");
        var right = new MatchRecord("ada", "jones");
        Assert.Equal(model.Score(left, right).Weight, restored.Score(left, right).Weight, 10);
        Assert.Equal(model.Lambda, restored.Lambda);
    }

    [Fact]
    public void Document_OfOtherComparisons_IsRefused()
    {
        var document = Model().ToDocument();
        Assert.Throws<FormatException>(() => document.ToModel());
        Assert.Throws<FormatException>(() => (document with { Version = "other/9" }).ToModel(Names));
    }
}
