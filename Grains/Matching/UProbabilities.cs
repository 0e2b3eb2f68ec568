using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// Estimates u, the chance of each level among pairs that are not matches, from random pairs of records: almost
/// every random pair is a non-match, so the share of each level among them is u. Every level gets a pseudo-count so
/// none is 0; the missing level is not a probability and carries 1.
/// </summary>
public static class UProbabilities
{
    /// <summary>Compares <paramref name="pairs"/> random pairs drawn with <paramref name="seed"/>.</summary>
    public static ImmutableArray<ImmutableArray<double>> Estimate(
        ImmutableArray<Comparison> comparisons, IReadOnlyList<MatchRecord> records, int pairs, int seed, double smoothing = 1.0)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentOutOfRangeException.ThrowIfLessThan(records.Count, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pairs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(smoothing);
        var counts = comparisons.Select(c => new double[c.Levels.Length]).ToArray();
        var random = new Random(seed);
        for (var p = 0; p < pairs; p++)
        {
            var i = random.Next(records.Count);
            var j = random.Next(records.Count - 1);
            if (j >= i)
            {
                j++;
            }

            for (var c = 0; c < comparisons.Length; c++)
            {
                counts[c][comparisons[c].Compare(records[i], records[j])]++;
            }
        }

        return [.. counts.Select(Normalise)];

        ImmutableArray<double> Normalise(double[] levelCounts)
        {
            var present = 0.0;
            for (var level = 1; level < levelCounts.Length; level++)
            {
                present += levelCounts[level] + smoothing;
            }

            var row = new double[levelCounts.Length];
            row[Comparison.Missing] = 1.0;
            for (var level = 1; level < levelCounts.Length; level++)
            {
                row[level] = (levelCounts[level] + smoothing) / present;
            }

            return [.. row];
        }
    }
}
