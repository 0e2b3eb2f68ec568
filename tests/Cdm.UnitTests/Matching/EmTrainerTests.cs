using System.Collections.Immutable;
using System.Text.Json;
using Cdm.Grains.Matching;
using Xunit.Abstractions;

namespace Cdm.UnitTests.Matching;

public sealed class EmTrainerTests(ITestOutputHelper output)
{
    private const int Seed = 20260428;

    [Fact]
    public void UProbabilities_FromRandomPairs_AreMostlyDisagreement()
    {
        var population = new SyntheticPopulation(2000, Seed);
        var comparisons = StandardComparisons.Create();
        var u = UProbabilities.Estimate(comparisons, population.Records, 50_000, Seed);

        for (var c = 0; c < comparisons.Length; c++)
        {
            Assert.Equal(1.0, u[c].Skip(1).Sum(), 9);
            Assert.All(u[c], p => Assert.InRange(p, double.Epsilon, 1.0));
            Assert.True(u[c][comparisons[c].Different] > 0.5, $"{comparisons[c].Field}: u of disagreement {u[c][comparisons[c].Different]}");
        }

        var nationalId = comparisons.IndexOf(comparisons.Single(c => c.Field == "national_id"));
        Assert.True(u[nationalId][Comparison.Exact] < 0.001, $"u of exact national id {u[nationalId][Comparison.Exact]}");
    }

    [Fact]
    public void UProbabilities_DoNotDependOnTheOrderOfTheRecords()
    {
        var population = new SyntheticPopulation(500, Seed);
        var comparisons = StandardComparisons.Create();
        var shuffled = population.Records.ToArray();
        new Random(Seed).Shuffle(shuffled);

        var inOrder = UProbabilities.Estimate(comparisons, population.Records, 5_000, Seed);
        var otherOrder = UProbabilities.Estimate(comparisons, shuffled, 5_000, Seed);

        for (var c = 0; c < comparisons.Length; c++)
        {
            Assert.True(inOrder[c].SequenceEqual(otherOrder[c]), $"{comparisons[c].Field}: {string.Join(" ", inOrder[c])} vs {string.Join(" ", otherOrder[c])}");
        }
    }

    [Fact]
    public void Train_SyntheticPopulation_RecoversMAndSeparatesPairs()
    {
        var population = new SyntheticPopulation(2000, Seed);
        var candidates = population.BlockedPairs();
        var model = MatchModelTrainer.Train(population.Records, candidates, Seed);

        var firstName = model.M[0][Comparison.Exact];
        var lastName = model.M[1][Comparison.Exact];
        output.WriteLine($"{population.Records.Count} records, {candidates.Count} candidate pairs, λ {model.Lambda:F4}, m(first exact) {firstName:F3}, m(last exact) {lastName:F3}");
        Assert.True(firstName > 0.8, $"m of exact first name {firstName}");
        Assert.True(lastName > 0.8, $"m of exact last name {lastName}");

        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var (left, right) in candidates)
        {
            var predicted = model.IsMatch(model.Score(population.Records[left], population.Records[right]));
            var actual = population.IsMatch(left, right);
            truePositives += predicted && actual ? 1 : 0;
            falsePositives += predicted && !actual ? 1 : 0;
            falseNegatives += !predicted && actual ? 1 : 0;
        }

        var precision = (double)truePositives / (truePositives + falsePositives);
        var recall = (double)truePositives / (truePositives + falseNegatives);
        output.WriteLine($"precision {precision:F4}, recall {recall:F4} ({truePositives} true, {falsePositives} false, {falseNegatives} missed)");
        Assert.True(precision > 0.95, $"precision {precision}");
        Assert.True(recall > 0.95, $"recall {recall}");
    }

    [Fact]
    public void Train_SameSeed_SameModel()
    {
        var population = new SyntheticPopulation(500, Seed);
        var candidates = population.BlockedPairs();
        var first = JsonSerializer.Serialize(MatchModelTrainer.Train(population.Records, candidates, Seed, 20_000).ToDocument());
        var second = JsonSerializer.Serialize(MatchModelTrainer.Train(population.Records, candidates, Seed, 20_000).ToDocument());
        Assert.Equal(first, second);
    }

    [Fact]
    public void Train_ProbabilitiesStayStrictlyBetweenZeroAndOne()
    {
        var comparisons = ImmutableArray.Create<Comparison>(NameComparison.FirstName(), NameComparison.LastName());
        // Every pair agrees exactly on both names: unsmoothed EM would drive m of every other level to 0.
        var vectors = Enumerable.Repeat(new byte[] { 1, 1 }, 100).Concat(Enumerable.Repeat(new byte[] { 5, 5 }, 900)).ToList();
        ImmutableArray<double> u = [1, 0.01, 0.02, 0.05, 0.001, 0.919];
        var result = EmTrainer.Train(comparisons, vectors, [u, u], new EmOptions(MaxIterations: 500));

        Assert.True(result.Converged, $"stopped after {result.Iterations} iterations");
        Assert.All(result.M.SelectMany(row => row.Skip(1)), m => Assert.InRange(m, 1e-9, 1 - 1e-9));
        Assert.InRange(result.Lambda, 0.05, 0.15);
        Assert.True(result.M[0][Comparison.Exact] > 0.9, $"m of exact first name {result.M[0][Comparison.Exact]}");
    }

    [Fact]
    public void Train_StopsAtTheIterationCap()
    {
        var comparisons = StandardComparisons.Create();
        var population = new SyntheticPopulation(300, Seed);
        var vectors = population.BlockedPairs().Select(p => StandardComparisons.Compare(comparisons, population.Records[p.Left], population.Records[p.Right])).ToList();
        var u = UProbabilities.Estimate(comparisons, population.Records, 10_000, Seed);
        var result = EmTrainer.Train(comparisons, vectors, u, new EmOptions(MaxIterations: 2, Tolerance: 0));
        Assert.Equal(2, result.Iterations);
        Assert.False(result.Converged);
    }

    [Fact]
    public void Train_EstimatingU_FindsTheShareOfMatchesAmongCandidates()
    {
        var comparisons = StandardComparisons.Create();
        var population = new SyntheticPopulation(2000, Seed);
        var pairs = population.BlockedPairs();
        var vectors = pairs.Select(p => StandardComparisons.Compare(comparisons, population.Records[p.Left], population.Records[p.Right])).ToList();
        var u = UProbabilities.Estimate(comparisons, population.Records, 50_000, Seed);
        var share = (double)pairs.Count(p => population.IsMatch(p.Left, p.Right)) / pairs.Count;

        var learned = EmTrainer.Train(comparisons, vectors, u, new EmOptions(EstimateU: true));
        output.WriteLine($"true share {share:F4}, λ with u learned {learned.Lambda:F4}");
        Assert.InRange(learned.Lambda, share * 0.9, share * 1.1);
        var lastName = comparisons.IndexOf(comparisons.Single(c => c.Field == "last_name"));
        Assert.True(learned.CandidateU[lastName][Comparison.Exact] > u[lastName][Comparison.Exact],
            "blocked non-matches share a surname more often than random pairs");
    }

    [Fact]
    public void PriorOverAllPairs_IsExpectedMatchesOverEveryPairOfRecords()
    {
        Assert.Equal(10.0 / 5050, MatchModelTrainer.PriorOverAllPairs(10, 101), 12);
        Assert.Equal(0.5, MatchModelTrainer.PriorOverAllPairs(1000, 10));
        Assert.True(MatchModelTrainer.PriorOverAllPairs(0, 10) > 0);
    }

    [Fact]
    public void Train_ChoosesItsThresholdsAndNeverLinksAPairOfNegativeWeight()
    {
        var population = new SyntheticPopulation(1000, Seed);
        var candidates = population.BlockedPairs();
        var model = MatchModelTrainer.Train(population.Records, candidates, Seed);

        Assert.Equal(MatchModelTrainer.LinkProbability, model.Threshold);
        Assert.Equal(MatchModelTrainer.ReviewProbability, model.ReviewThreshold);
        Assert.True(model.Lambda < (double)candidates.Count / (population.Records.Count * (population.Records.Count - 1) / 2),
            "the prior is over all pairs, below the share of candidates among them");
        foreach (var (left, right) in candidates)
        {
            var score = model.Score(population.Records[left], population.Records[right]);
            if (score.Weight < 0)
            {
                Assert.NotEqual(MatchDecision.Link, model.Decide(score));
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Train_PerBlockingRule_FindsTheShareOfMatchesAmongCandidates(bool mostlyMatches)
    {
        var population = new SyntheticPopulation(2000, Seed);
        var pairs = population.BlockedPairs()
            .Where((p, i) => !mostlyMatches || population.IsMatch(p.Left, p.Right) || i % 20 == 0)
            .Select(p => new BlockedPair(p.Left, p.Right, SharedRules(population.Records[p.Left], population.Records[p.Right])))
            .ToList();
        var share = (double)pairs.Count(p => population.IsMatch(p.Left, p.Right)) / pairs.Count;

        var (model, em) = MatchModelTrainer.TrainWithResult(population.Records, pairs, Seed);

        output.WriteLine($"true share {share:F4}, λ per rule {em.Lambda:F4}");
        Assert.InRange(em.Lambda, share * 0.85, Math.Min(1, share * 1.15));
        var expectedPrior = em.Lambda * pairs.Count / (population.Records.Count * (population.Records.Count - 1) / 2.0);
        Assert.Equal(expectedPrior, model.Lambda, 12);
        Assert.True(model.M[0][Comparison.Exact] > 0.8, $"m of exact first name {model.M[0][Comparison.Exact]}");
    }

    // The rules of SyntheticPopulation.BlockedPairs, as the fields each reads, that the two records share a key of.
    private static ImmutableArray<ImmutableArray<string>> SharedRules(MatchRecord left, MatchRecord right)
    {
        var rules = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        void Add(string? a, string? b, params string[] fields)
        {
            if (a is not null && a == b)
            {
                rules.Add([.. fields]);
            }
        }

        Add(left.Postcode, right.Postcode, "postcode");
        Add(left.BirthDate, right.BirthDate, "birth_date");
        Add(left.Email, right.Email, "email");
        Add(left.Phone, right.Phone, "phone");
        Add(SurnameYear(left), SurnameYear(right), "last_name", "birth_date");
        return rules.ToImmutable();

        static string? SurnameYear(MatchRecord r) => r.LastName is { Length: >= 3 } last && r.BirthDate is { } date ? last[..3] + date[..4] : null;
    }
}
