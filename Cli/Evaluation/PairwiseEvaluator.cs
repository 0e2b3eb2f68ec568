namespace Cdm.Cli.Evaluation;

/// <summary>
/// Computes pairwise precision and recall of record clusters without enumerating pairs: a group of
/// n records holds n(n-1)/2 pairs, so counting records per true entity, per predicted profile and per
/// (entity, profile) intersection gives the true, predicted and correct pair counts in linear time.
/// </summary>
public sealed class PairwiseEvaluator
{
    private readonly Dictionary<string, long> truthSizes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> predictedSizes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Truth, string Predicted), long> intersections = [];
    private long records;

    /// <summary>Adds one record, with the id of its true entity and of the profile it was placed in.</summary>
    public void Add(string truthId, string predictedId)
    {
        ArgumentNullException.ThrowIfNull(truthId);
        ArgumentNullException.ThrowIfNull(predictedId);
        records++;
        Increment(truthSizes, truthId);
        Increment(predictedSizes, predictedId);
        Increment(intersections, (truthId, predictedId));
    }

    public PairwiseMetrics Compute() => new(
        records,
        truthSizes.Count,
        predictedSizes.Count,
        truthSizes.Values.Sum(Pairs),
        predictedSizes.Values.Sum(Pairs),
        intersections.Values.Sum(Pairs));

    /// <summary>The number of unordered pairs among n records.</summary>
    public static long Pairs(long n) => n * (n - 1) / 2;

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key)
        where TKey : notnull
    {
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
    }
}
