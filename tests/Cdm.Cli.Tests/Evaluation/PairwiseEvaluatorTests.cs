using Cdm.Cli.Evaluation;

namespace Cdm.Cli.Tests.Evaluation;

public sealed class PairwiseEvaluatorTests
{
    [Fact]
    public void PerfectPartition_ScoresOne()
    {
        var metrics = Evaluate(("a", "p1"), ("a", "p1"), ("a", "p1"), ("b", "p2"), ("b", "p2"), ("c", "p3"));

        Assert.Equal(new PairwiseMetrics(6, 3, 3, 4, 4, 4), metrics);
        Assert.Equal(1.0, metrics.F1);
        Assert.True(metrics.IsExact);
    }

    [Fact]
    public void WrongMerge_CostsPrecisionNotRecall()
    {
        // Truth {1,2} {3,4}; predicted one profile of all four: 6 predicted pairs, 2 of them true.
        var metrics = Evaluate(("a", "p"), ("a", "p"), ("b", "p"), ("b", "p"));

        Assert.Equal(2, metrics.TruePairs);
        Assert.Equal(6, metrics.PredictedPairs);
        Assert.Equal(2, metrics.CorrectPairs);
        Assert.Equal(1.0 / 3, metrics.Precision, 12);
        Assert.Equal(1.0, metrics.Recall);
        Assert.Equal(0.5, metrics.F1, 12);
        Assert.False(metrics.IsExact);
    }

    [Fact]
    public void Split_CostsRecallNotPrecision()
    {
        // Truth: one entity of 4 (6 pairs); predicted {1,2,3} {4}: 3 pairs, all true.
        var metrics = Evaluate(("a", "p"), ("a", "p"), ("a", "p"), ("a", "q"));

        Assert.Equal(6, metrics.TruePairs);
        Assert.Equal(3, metrics.PredictedPairs);
        Assert.Equal(3, metrics.CorrectPairs);
        Assert.Equal(1.0, metrics.Precision);
        Assert.Equal(0.5, metrics.Recall, 12);
        Assert.Equal(2.0 / 3, metrics.F1, 12);
        Assert.Equal(1, metrics.TrueEntities);
        Assert.Equal(2, metrics.PredictedProfiles);
    }

    [Fact]
    public void MixedExample_MatchesHandCount()
    {
        // Truth: a={1,2,3}, b={4,5}, c={6}. Predicted: p={1,2,4}, q={3,5,6}.
        // True pairs 3+1+0=4; predicted 3+3=6; correct: (a,p)=2 ->1, (a,q)=1, (b,p)=1, (b,q)=1, (c,q)=1 -> 1.
        var metrics = Evaluate(("a", "p"), ("a", "p"), ("a", "q"), ("b", "p"), ("b", "q"), ("c", "q"));

        Assert.Equal(new PairwiseMetrics(6, 3, 2, 4, 6, 1), metrics);
        Assert.Equal(1.0 / 6, metrics.Precision, 12);
        Assert.Equal(0.25, metrics.Recall, 12);
    }

    [Fact]
    public void NoPairs_IsVacuouslyPerfect()
    {
        var metrics = Evaluate(("a", "p"), ("b", "q"));

        Assert.Equal(0, metrics.TruePairs);
        Assert.Equal(0, metrics.PredictedPairs);
        Assert.Equal(1.0, metrics.Precision);
        Assert.Equal(1.0, metrics.Recall);
    }

    [Fact]
    public void Pairs_CountsUnorderedPairs()
    {
        Assert.Equal(0, PairwiseEvaluator.Pairs(0));
        Assert.Equal(0, PairwiseEvaluator.Pairs(1));
        Assert.Equal(1, PairwiseEvaluator.Pairs(2));
        Assert.Equal(10, PairwiseEvaluator.Pairs(5));
        Assert.Equal(4_999_950_000L, PairwiseEvaluator.Pairs(100_000));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomPartitions_AgreeWithBruteForcePairEnumeration(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var count = random.Next(0, 40);
            var truthLabels = random.Next(1, 8);
            var predictedLabels = random.Next(1, 8);
            var records = Enumerable.Range(0, count)
                .Select(_ => ($"t{random.Next(truthLabels)}", $"p{random.Next(predictedLabels)}"))
                .ToArray();

            var metrics = Evaluate(records);

            long truePairs = 0, predictedPairs = 0, correct = 0;
            for (var i = 0; i < records.Length; i++)
            {
                for (var j = i + 1; j < records.Length; j++)
                {
                    var sameTruth = records[i].Item1 == records[j].Item1;
                    var samePredicted = records[i].Item2 == records[j].Item2;
                    truePairs += sameTruth ? 1 : 0;
                    predictedPairs += samePredicted ? 1 : 0;
                    correct += sameTruth && samePredicted ? 1 : 0;
                }
            }

            Assert.True(truePairs == metrics.TruePairs, $"seed {seed} round {round}: true pairs expected {truePairs}, got {metrics.TruePairs}");
            Assert.True(predictedPairs == metrics.PredictedPairs, $"seed {seed} round {round}: predicted pairs expected {predictedPairs}, got {metrics.PredictedPairs}");
            Assert.True(correct == metrics.CorrectPairs, $"seed {seed} round {round}: correct pairs expected {correct}, got {metrics.CorrectPairs}");
            Assert.Equal(records.Select(r => r.Item1).Distinct().Count(), metrics.TrueEntities);
            Assert.Equal(records.Select(r => r.Item2).Distinct().Count(), metrics.PredictedProfiles);
        }
    }

    private static PairwiseMetrics Evaluate(params (string Truth, string Predicted)[] records)
    {
        var evaluator = new PairwiseEvaluator();
        foreach (var (truth, predicted) in records)
        {
            evaluator.Add(truth, predicted);
        }

        return evaluator.Compute();
    }
}
