using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// A Fellegi-Sunter model: for each comparison, per level, m (the chance of that level when the two records are
/// the same person) and u (when they are not); the prior λ that a compared pair is a match; and optional
/// term-frequency tables. A pair's weight is the sum over comparisons of log2(m/u) of its level (0 when missing);
/// an exact agreement on a field with a table uses the value's frequency as u, within
/// ±<see cref="MaxTermFrequencyAdjustment"/> bits of the level's own weight.
/// </summary>
public sealed class MatchModel
{
    /// <summary>The most bits a term-frequency adjustment moves an exact agreement's weight, either way.</summary>
    public const double MaxTermFrequencyAdjustment = 6.0;

    private readonly double[][] levelWeights;
    private readonly TermFrequencyTable?[] termFrequencies;
    // Bits kept between a bound and the review weight, so that rounding in Probability cannot call a pair that was
    // cut short differently from its exact total.
    private const double BoundMargin = 1e-9;

    // ScoreWeight's order of comparisons (largest best-case weight first), the most the comparisons from each
    // position on can still add, and the weight at which a pair reaches review.
    private readonly int[] boundOrder;
    private readonly double[] boundAfter;
    private readonly double reviewWeight;

    public MatchModel(
        ImmutableArray<Comparison> comparisons,
        ImmutableArray<ImmutableArray<double>> m,
        ImmutableArray<ImmutableArray<double>> u,
        double lambda,
        IReadOnlyDictionary<string, TermFrequencyTable>? termFrequencies = null,
        double threshold = 0.5,
        double? reviewThreshold = null)
    {
        if (m.Length != comparisons.Length || u.Length != comparisons.Length)
        {
            throw new ArgumentException("m and u need one row per comparison.", nameof(m));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lambda, 1.0);
        Comparisons = comparisons;
        M = m;
        U = u;
        Lambda = lambda;
        Threshold = threshold;
        ReviewThreshold = Math.Min(reviewThreshold ?? threshold, threshold);
        levelWeights = new double[comparisons.Length][];
        this.termFrequencies = new TermFrequencyTable?[comparisons.Length];
        for (var i = 0; i < comparisons.Length; i++)
        {
            var levels = comparisons[i].Levels.Length;
            if (m[i].Length != levels || u[i].Length != levels)
            {
                throw new ArgumentException($"Comparison {comparisons[i].Field} has {levels} levels.", nameof(m));
            }

            levelWeights[i] = new double[levels];
            for (var level = 1; level < levels; level++)
            {
                levelWeights[i][level] = Math.Log2(m[i][level] / u[i][level]);
            }

            this.termFrequencies[i] = termFrequencies?.GetValueOrDefault(comparisons[i].Field);
        }

        TermFrequencies = termFrequencies?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, TermFrequencyTable>.Empty;
        var best = new double[comparisons.Length];
        for (var i = 0; i < comparisons.Length; i++)
        {
            // Level 0 (missing) weighs nothing; an exact agreement may gain up to the largest adjustment.
            best[i] = Math.Max(0.0, levelWeights[i].Max());
            if (this.termFrequencies[i] is not null)
            {
                best[i] = Math.Max(best[i], levelWeights[i][Comparison.Exact] + MaxTermFrequencyAdjustment);
            }
        }

        boundOrder = [.. Enumerable.Range(0, comparisons.Length).OrderByDescending(i => best[i])];
        boundAfter = new double[comparisons.Length + 1];
        for (var k = comparisons.Length - 1; k >= 0; k--)
        {
            boundAfter[k] = boundAfter[k + 1] + best[boundOrder[k]];
        }

        reviewWeight = WeightOf(ReviewThreshold);
    }

    /// <summary>The comparisons, in vector order.</summary>
    public ImmutableArray<Comparison> Comparisons { get; }

    /// <summary>m per comparison and level (level 0, missing, is not a probability and carries 1).</summary>
    public ImmutableArray<ImmutableArray<double>> M { get; }

    /// <summary>u per comparison and level (level 0 carries 1).</summary>
    public ImmutableArray<ImmutableArray<double>> U { get; }

    /// <summary>The prior chance that a compared pair is a match.</summary>
    public double Lambda { get; }

    /// <summary>The match probability at or above which a pair is called a match.</summary>
    public double Threshold { get; }

    /// <summary>
    /// The match probability at or above which a pair below <see cref="Threshold"/> goes to a steward for review;
    /// equal to <see cref="Threshold"/> when nothing is reviewed.
    /// </summary>
    public double ReviewThreshold { get; }

    /// <summary>The term-frequency tables by field.</summary>
    public IReadOnlyDictionary<string, TermFrequencyTable> TermFrequencies { get; }

    /// <summary>The weight of a level without term-frequency adjustment.</summary>
    public double LevelWeight(int comparison, int level) => levelWeights[comparison][level];

    /// <summary>Scores a pair of records.</summary>
    public MatchScore Score(MatchRecord left, MatchRecord right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var parts = ImmutableArray.CreateBuilder<FieldWeight>(Comparisons.Length);
        var total = 0.0;
        for (var i = 0; i < Comparisons.Length; i++)
        {
            var comparison = Comparisons[i];
            var level = comparison.Compare(left, right);
            var weight = Weight(i, level, level == Comparison.Exact ? comparison.Value(left) : null);
            total += weight;
            parts.Add(new FieldWeight(comparison.Field, comparison.Levels[level], weight));
        }

        return new MatchScore(total, Probability(total), parts.MoveToImmutable());
    }

    /// <summary>
    /// The total weight of a pair, as <see cref="Score"/> computes it, without building the per-field parts: the
    /// resolver scores every candidate this way and asks for the parts only of the pairs it acts on. For a pair that
    /// cannot reach <see cref="ReviewThreshold"/>, the answer is only an upper bound of its weight, itself below
    /// the review weight, so that <see cref="Decide(double)"/> answers as it would for the exact total.
    /// </summary>
    public double ScoreWeight(MatchRecord left, MatchRecord right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var total = 0.0;
        // Most candidates of a block are other people: once even the best levels of the comparisons left cannot
        // lift the pair to review, the rest are not compared. Comparisons with the most at stake come first.
        for (var k = 0; k < boundOrder.Length; k++)
        {
            if (total + boundAfter[k] < reviewWeight - BoundMargin)
            {
                return total + boundAfter[k];
            }

            var i = boundOrder[k];
            var comparison = Comparisons[i];
            var level = comparison.Compare(left, right);
            total += Weight(i, level, level == Comparison.Exact ? comparison.Value(left) : null);
        }

        return total;
    }

    /// <summary>What <see cref="Decide(MatchScore)"/> would answer for a pair of this total weight.</summary>
    public MatchDecision Decide(double weight)
    {
        var probability = Probability(weight);
        return probability >= Threshold ? MatchDecision.Link
            : probability >= ReviewThreshold ? MatchDecision.Review
            : MatchDecision.None;
    }

    /// <summary>The weight of a comparison vector, without term-frequency adjustment.</summary>
    public double Weight(ReadOnlySpan<byte> levels)
    {
        var total = 0.0;
        for (var i = 0; i < levels.Length; i++)
        {
            total += levelWeights[i][levels[i]];
        }

        return total;
    }

    /// <summary>The weight at which <see cref="Probability"/> reaches <paramref name="probability"/>.</summary>
    private double WeightOf(double probability) =>
        probability <= 0 ? double.NegativeInfinity
        : probability >= 1 ? double.PositiveInfinity
        : Math.Log2(probability / (1 - probability)) - Math.Log2(Lambda / (1 - Lambda));

    /// <summary>The match probability of a weight under the prior λ.</summary>
    public double Probability(double weight)
    {
        var logOdds = Math.Log2(Lambda / (1 - Lambda)) + weight;
        return 1.0 / (1.0 + Math.Pow(2, -logOdds));
    }

    /// <summary>True when the score reaches <see cref="Threshold"/>.</summary>
    public bool IsMatch(MatchScore score) => score.Probability >= Threshold;

    /// <summary>What the resolver does with a scored pair: link it, open a review task, or nothing.</summary>
    public MatchDecision Decide(MatchScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return score.Probability >= Threshold ? MatchDecision.Link
            : score.Probability >= ReviewThreshold ? MatchDecision.Review
            : MatchDecision.None;
    }

    private double Weight(int comparison, int level, string? exactValue)
    {
        var weight = levelWeights[comparison][level];
        if (exactValue is null || termFrequencies[comparison] is not { } table)
        {
            return weight;
        }

        var adjustment = Math.Log2(U[comparison][level] / table.Frequency(exactValue));
        return weight + Math.Clamp(adjustment, -MaxTermFrequencyAdjustment, MaxTermFrequencyAdjustment);
    }
}
