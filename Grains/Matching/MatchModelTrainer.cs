using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// Trains a whole model without labels: u from random pairs of <c>records</c>, m and λ by EM over the candidate
/// pairs that blocking produced, and term-frequency tables for the names.
/// </summary>
public static class MatchModelTrainer
{
    /// <summary>The fields that get a term-frequency table.</summary>
    public static readonly ImmutableArray<string> TermFrequencyFields = ["first_name", "last_name"];

    /// <summary>Trains over <paramref name="candidates"/>, pairs of indices into <paramref name="records"/>.</summary>
    public static MatchModel Train(
        IReadOnlyList<MatchRecord> records,
        IEnumerable<(int Left, int Right)> candidates,
        int seed,
        int randomPairs = 100_000,
        EmOptions? options = null,
        ImmutableArray<Comparison>? comparisons = null) =>
        TrainWithResult(records, candidates, seed, randomPairs, options, comparisons).Model;

    /// <summary>As <see cref="Train"/>, also returning how EM ran (iterations, convergence).</summary>
    public static (MatchModel Model, EmResult Em) TrainWithResult(
        IReadOnlyList<MatchRecord> records,
        IEnumerable<(int Left, int Right)> candidates,
        int seed,
        int randomPairs = 100_000,
        EmOptions? options = null,
        ImmutableArray<Comparison>? comparisons = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(candidates);
        var used = comparisons ?? StandardComparisons.Create();
        var u = UProbabilities.Estimate(used, records, randomPairs, seed);
        var vectors = candidates.Select(pair => StandardComparisons.Compare(used, records[pair.Left], records[pair.Right])).ToList();
        var em = EmTrainer.Train(used, vectors, u, options);
        var tables = used
            .Where(c => TermFrequencyFields.Contains(c.Field))
            .ToDictionary(c => c.Field, c => TermFrequencyTable.Build(records.Select(c.Value)), StringComparer.Ordinal);
        return (new MatchModel(used, em.M, u, em.Lambda, tables), em);
    }
}
