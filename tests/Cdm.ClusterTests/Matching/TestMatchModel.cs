using System.Collections.Immutable;
using Cdm.Grains.Matching;

namespace Cdm.ClusterTests.Matching;

/// <summary>
/// A hand-set model whose decisions a test can predict: each compared field adds <see cref="Bits"/> when exact and
/// takes <see cref="Bits"/> away at any other level; the prior is even, so the probability of w bits is
/// 1/(1+2^-w). Links need three exact fields more than disagreements (12 bits), review takes at least 4 bits.
/// </summary>
public static class TestMatchModel
{
    public const double Bits = 4.0;

    /// <summary>
    /// The model; <paramref name="linkBits"/> and <paramref name="reviewBits"/> move its thresholds. With
    /// <paramref name="names"/> (folded values by field, <c>first_name</c> and <c>last_name</c>), its term-frequency tables
    /// count those values.
    /// </summary>
    public static string Document(double linkBits = 12, double reviewBits = 4, IReadOnlyDictionary<string, string[]>? names = null)
    {
        var comparisons = StandardComparisons.Create();
        var m = new List<ImmutableArray<double>>();
        var u = new List<ImmutableArray<double>>();
        foreach (var comparison in comparisons)
        {
            var levels = comparison.Levels.Length;
            var other = levels - 2;
            // Exact: m/u = 2^Bits. Every other level: m/u = 2^-Bits; m sums to 1 over the agreement levels.
            var mExact = 0.9;
            var mOther = (1 - mExact) / other;
            m.Add([1.0, mExact, .. Enumerable.Repeat(mOther, other)]);
            u.Add([1.0, mExact / Math.Pow(2, Bits), .. Enumerable.Repeat(mOther * Math.Pow(2, Bits), other)]);
        }

        var tables = names?.ToDictionary(n => n.Key, n => TermFrequencyTable.Build(n.Value), StringComparer.Ordinal);
        var model = new MatchModel(
            comparisons, [.. m], [.. u], 0.5, tables, threshold: Probability(linkBits), reviewThreshold: Probability(Math.Min(linkBits, reviewBits)));
        return MatchModelJson.Serialise(model.ToDocument());
    }

    private static double Probability(double bits) => 1 / (1 + Math.Pow(2, -bits)) - 1e-9;
}
