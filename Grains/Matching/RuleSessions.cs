using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// EM per blocking rule, as Splink trains: a session takes every candidate pair that shares the rule's key and
/// leaves the rule's own fields out of the comparison vectors (they agree by construction). Given the rule's
/// fields, the other fields of a non-match behave as in random pairs, so u stays the one from random pairs and EM
/// can tell the share of matches even where most candidates are matches. m of a comparison is the average over the
/// sessions that saw it, weighted by their expected matches; the expected matches among all candidates are the sum
/// of each pair's match probability averaged over its sessions.
/// </summary>
internal static class RuleSessions
{
    /// <summary>m per comparison (null rows where no session saw the comparison) and the expected matches among the candidates.</summary>
    public static (double[]?[] M, double ExpectedMatches, int Iterations, bool Converged) Train(
        ImmutableArray<Comparison> comparisons,
        IReadOnlyList<byte[]> vectors,
        IReadOnlyList<BlockedPair> pairs,
        ImmutableArray<ImmutableArray<double>> u,
        EmOptions options)
    {
        var sessions = new Dictionary<string, (bool[] Masked, List<int> Pairs)>(StringComparer.Ordinal);
        for (var p = 0; p < pairs.Count; p++)
        {
            foreach (var rule in pairs[p].Rules)
            {
                var name = string.Join('+', rule.Order(StringComparer.Ordinal));
                if (!sessions.TryGetValue(name, out var session))
                {
                    session = (comparisons.Select(c => rule.Contains(c.Field)).ToArray(), []);
                    sessions[name] = session;
                }

                session.Pairs.Add(p);
            }
        }

        var mSums = comparisons.Select(c => (double[]?)null).ToArray();
        var weights = new double[comparisons.Length];
        var probabilitySums = new double[pairs.Count];
        var sessionCounts = new int[pairs.Count];
        var (iterations, converged) = (0, true);
        foreach (var (masked, members) in sessions.Values.OrderBy(s => s.Pairs.Count))
        {
            var masks = members.Select(p => Mask(vectors[p], masked)).ToList();
            var em = EmTrainer.Train(comparisons, masks, u, options);
            (iterations, converged) = (Math.Max(iterations, em.Iterations), converged && em.Converged);
            var expected = em.Lambda * members.Count;
            for (var c = 0; c < comparisons.Length; c++)
            {
                if (masked[c] || !masks.Any(v => v[c] != Comparison.Missing))
                {
                    continue;
                }

                mSums[c] ??= new double[comparisons[c].Levels.Length];
                for (var level = 0; level < mSums[c]!.Length; level++)
                {
                    mSums[c]![level] += expected * em.M[c][level];
                }

                weights[c] += expected;
            }

            for (var i = 0; i < members.Count; i++)
            {
                probabilitySums[members[i]] += Posterior(masks[i], em.M, u, em.Lambda);
                sessionCounts[members[i]]++;
            }
        }

        var m = mSums.Select((row, c) => row is null || weights[c] <= 0 ? null : row.Select(v => v / weights[c]).ToArray()).ToArray();
        var matches = probabilitySums.Select((sum, p) => sessionCounts[p] == 0 ? 0 : sum / sessionCounts[p]).Sum();
        return (m, matches, iterations, converged);
    }

    private static byte[] Mask(byte[] vector, bool[] masked)
    {
        var copy = (byte[])vector.Clone();
        for (var c = 0; c < copy.Length; c++)
        {
            if (masked[c])
            {
                copy[c] = Comparison.Missing;
            }
        }

        return copy;
    }

    private static double Posterior(byte[] vector, ImmutableArray<ImmutableArray<double>> m, ImmutableArray<ImmutableArray<double>> u, double lambda)
    {
        var logOdds = Math.Log(lambda / (1 - lambda));
        for (var c = 0; c < vector.Length; c++)
        {
            if (vector[c] != Comparison.Missing)
            {
                logOdds += Math.Log(m[c][vector[c]] / u[c][vector[c]]);
            }
        }

        return 1.0 / (1.0 + Math.Exp(-logOdds));
    }
}
