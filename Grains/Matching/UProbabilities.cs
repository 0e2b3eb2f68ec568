using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// Estimates u, the chance of each level among pairs that are not matches, from random pairs of records: almost
/// every random pair is a non-match, so the share of each level among them is u. Every level gets a pseudo-count so
/// none is 0; the missing level is not a probability and carries 1. The pairs are drawn from the records in a
/// canonical order (by content), so the estimate depends on the seed and the set of records, not on their order:
/// the same data imported in another order trains the same model.
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
        var canonical = CanonicalOrder(records);
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
                counts[c][comparisons[c].Compare(canonical[i], canonical[j])]++;
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

    /// <summary>The records sorted by their content; equal records are interchangeable, so ties need no order.</summary>
    private static MatchRecord[] CanonicalOrder(IReadOnlyList<MatchRecord> records)
    {
        var keyed = records.Select(r => (Key: string.Join('\u001f', r.FirstName, r.LastName, r.BirthDate, r.Street, r.StreetNumber, r.Postcode, r.City, r.NationalId, r.Email, r.Phone), Record: r)).ToArray();
        Array.Sort(keyed, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return [.. keyed.Select(k => k.Record)];
    }
}
