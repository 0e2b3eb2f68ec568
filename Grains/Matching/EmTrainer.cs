using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// Learns m and λ without labels by expectation-maximisation over the comparison vectors of blocked candidate
/// pairs, u given (from <see cref="UProbabilities"/>) and either held fixed or, with <see cref="EmOptions.EstimateU"/>,
/// learned too as u among the candidates. Each iteration gives every pair its match probability under the current
/// m, u and λ (E), then sets m to the probability-weighted share of each level among matches, u likewise among
/// non-matches, and λ to the mean probability (M). Missing levels take no part. Deterministic: the same vectors
/// give the same model.
/// </summary>
public static class EmTrainer
{
    private const double ProbabilityFloor = 1e-6;

    /// <summary>Runs EM from m that favours the stronger levels.</summary>
    public static EmResult Train(
        ImmutableArray<Comparison> comparisons,
        IReadOnlyList<byte[]> vectors,
        ImmutableArray<ImmutableArray<double>> u,
        EmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        options ??= new EmOptions();
        if (u.Length != comparisons.Length)
        {
            throw new ArgumentException("u needs one row per comparison.", nameof(u));
        }

        var m = comparisons.Select(c => InitialM(c.Levels.Length)).ToArray();
        var uc = u.Select(row => row.ToArray()).ToArray();
        var unexpected = comparisons.Select(c => new double[c.Levels.Length]).ToArray();
        var lambda = Math.Clamp(options.InitialLambda, ProbabilityFloor, 1 - ProbabilityFloor);
        var expected = comparisons.Select(c => new double[c.Levels.Length]).ToArray();
        var iteration = 0;
        var converged = false;
        while (iteration < options.MaxIterations && !converged)
        {
            iteration++;
            foreach (var row in expected.Concat(unexpected))
            {
                Array.Clear(row);
            }

            var matches = 0.0;
            var priorLogOdds = Math.Log(lambda / (1 - lambda));
            foreach (var vector in vectors)
            {
                var logRatio = priorLogOdds;
                for (var c = 0; c < vector.Length; c++)
                {
                    var level = vector[c];
                    if (level != Comparison.Missing)
                    {
                        logRatio += Math.Log(m[c][level] / uc[c][level]);
                    }
                }

                var p = 1.0 / (1.0 + Math.Exp(-logRatio));
                matches += p;
                for (var c = 0; c < vector.Length; c++)
                {
                    expected[c][vector[c]] += p;
                    unexpected[c][vector[c]] += 1 - p;
                }
            }

            var newLambda = Math.Clamp(matches / Math.Max(1, vectors.Count), ProbabilityFloor, 1 - ProbabilityFloor);
            var change = Math.Abs(newLambda - lambda);
            lambda = newLambda;
            for (var c = 0; c < m.Length; c++)
            {
                change = Math.Max(change, Maximise(m[c], expected[c], options.Smoothing));
                if (options.EstimateU)
                {
                    change = Math.Max(change, Maximise(uc[c], unexpected[c], options.Smoothing));
                }
            }

            converged = change <= options.Tolerance;
        }

        return new EmResult(
            [.. m.Select(row => row.ToImmutableArray())], lambda, iteration, converged, [.. uc.Select(row => row.ToImmutableArray())]);
    }

    /// <summary>Sets <paramref name="row"/> to the smoothed shares of <paramref name="counts"/> over the present levels; returns the largest move.</summary>
    private static double Maximise(double[] row, double[] counts, double smoothing)
    {
        var total = 0.0;
        for (var level = 1; level < row.Length; level++)
        {
            total += counts[level] + smoothing;
        }

        var change = 0.0;
        for (var level = 1; level < row.Length; level++)
        {
            var value = Math.Clamp((counts[level] + smoothing) / total, ProbabilityFloor, 1 - ProbabilityFloor);
            change = Math.Max(change, Math.Abs(value - row[level]));
            row[level] = value;
        }

        return change;
    }

    /// <summary>Starting m: each level four times as likely among matches as the next weaker one.</summary>
    private static double[] InitialM(int levels)
    {
        var row = new double[levels];
        row[Comparison.Missing] = 1.0;
        var total = 0.0;
        for (var level = 1; level < levels; level++)
        {
            total += Math.Pow(4, levels - 1 - level);
        }

        for (var level = 1; level < levels; level++)
        {
            row[level] = Math.Pow(4, levels - 1 - level) / total;
        }

        return row;
    }
}
