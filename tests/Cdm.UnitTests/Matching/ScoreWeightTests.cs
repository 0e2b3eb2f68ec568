using Cdm.Grains.Matching;

namespace Cdm.UnitTests.Matching;

/// <summary>ScoreWeight stops comparing once a pair cannot reach review; what it decides must not change.</summary>
public sealed class ScoreWeightTests
{
    private const int Seed = 11;

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(0.95, 0.2)]
    [InlineData(0.999, 0.9)]
    public void ScoreWeight_DecidesAsTheFullScore_AndIsExactForPairsThatReachReview(double threshold, double reviewThreshold)
    {
        var population = new SyntheticPopulation(600, Seed);
        var trained = MatchModelTrainer.Train(population.Records, population.BlockedPairs(), Seed, 20_000);
        var model = new MatchModel(trained.Comparisons, trained.M, trained.U, trained.Lambda, trained.TermFrequencies, threshold, reviewThreshold);
        var random = new Random(Seed);
        var pairs = population.BlockedPairs()
            .Concat(Enumerable.Range(0, 2_000).Select(_ => (random.Next(population.Records.Count), random.Next(population.Records.Count))))
            .ToList();

        var reached = 0;
        foreach (var (left, right) in pairs)
        {
            var a = population.Records[left];
            var b = population.Records[right];
            var full = model.Score(a, b);
            var weight = model.ScoreWeight(a, b);

            Assert.Equal(model.Decide(full), model.Decide(weight));
            if (model.Decide(full) != MatchDecision.None)
            {
                reached++;
                Assert.Equal(full.Weight, weight, 9);
            }
            else
            {
                // Cut short or not, the answer never claims less than the pair's weight.
                Assert.True(weight >= full.Weight - 1e-9, $"{weight} below {full.Weight}");
            }
        }

        // Both kinds of pair were seen, so the test can fail either way.
        Assert.InRange(reached, 1, pairs.Count - 1);
    }
}
