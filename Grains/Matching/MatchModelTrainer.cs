using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// Trains a whole model without labels: u from random pairs of <c>records</c>, m by EM over the candidate pairs
/// that blocking produced (u among the candidates learned alongside, see <see cref="EmOptions.EstimateU"/>), the
/// prior λ over all pairs (<see cref="PriorOverAllPairs"/>), and term-frequency tables for the names. The thresholds
/// are posterior probabilities under that prior: a pair links when it is at least as likely a match as not
/// (<see cref="LinkProbability"/>) and goes to review when its odds of being a match are at least 1 to 19
/// (<see cref="ReviewProbability"/>). Because the prior is over all pairs, the posterior of a pair is its real chance
/// of being a match, so the rule carries over from one data set to another.
/// </summary>
public static class MatchModelTrainer
{
    /// <summary>The posterior at or above which a trained model links a pair.</summary>
    public const double LinkProbability = 0.5;

    /// <summary>The posterior at or above which a trained model sends a pair below <see cref="LinkProbability"/> to review.</summary>
    public const double ReviewProbability = 0.05;

    /// <summary>The fields that get a term-frequency table.</summary>
    public static readonly ImmutableArray<string> TermFrequencyFields = ["first_name", "last_name"];

    /// <summary>
    /// The chance that two records drawn at random are the same person: the matches EM expects among the candidates
    /// over all pairs of records (blocking is meant to keep almost every match). Scores use u from random pairs, so
    /// their prior must be over random pairs too, not over the candidates (where matches are common).
    /// </summary>
    public static double PriorOverAllPairs(double expectedMatches, int records)
    {
        var pairs = records * (records - 1.0) / 2;
        return Math.Clamp(expectedMatches / Math.Max(1.0, pairs), 1e-12, 0.5);
    }

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
        var vectors = Vectors(used, records, candidates);
        return Fit(records, used, vectors, seed, randomPairs, options ?? new EmOptions(EstimateU: true));
    }

    /// <summary>
    /// Trains over candidate pairs that know the blocking rules they share, by EM per rule
    /// (<see cref="RuleSessions"/>): u stays the one from random pairs, and no blocked non-match is taken for a match
    /// because it agrees on the fields it was blocked on, even where most candidates are matches (where learning u
    /// among the candidates, <see cref="EmOptions.EstimateU"/>, takes the noisier matches for non-matches). A
    /// comparison no session sees (every rule reads it) keeps m from EM over all candidates with u learned.
    /// </summary>
    public static (MatchModel Model, EmResult Em) TrainWithResult(
        IReadOnlyList<MatchRecord> records,
        IReadOnlyList<BlockedPair> candidates,
        int seed,
        int randomPairs = 100_000,
        EmOptions? options = null,
        ImmutableArray<Comparison>? comparisons = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(candidates);
        var used = comparisons ?? StandardComparisons.Create();
        var vectors = Vectors(used, records, candidates.Select(static pair => (pair.Left, pair.Right)));
        var u = UProbabilities.Estimate(used, records, randomPairs, seed);
        var overall = EmTrainer.Train(used, vectors, u, (options ?? new EmOptions()) with { EstimateU = true });
        var sessions = RuleSessions.Train(used, vectors, candidates, u, (options ?? new EmOptions()) with { EstimateU = false });
        var m = used.Select((_, c) => sessions.M[c] is { } row ? [.. row] : overall.M[c]).ToImmutableArray();
        var em = new EmResult(m, sessions.ExpectedMatches / Math.Max(1, vectors.Count), sessions.Iterations, sessions.Converged, overall.CandidateU);
        return (Build(records, used, u, em, vectors.Count), em);
    }

    private static List<byte[]> Vectors(ImmutableArray<Comparison> used, IReadOnlyList<MatchRecord> records, IEnumerable<(int Left, int Right)> pairs) =>
        [.. pairs.Select(pair => StandardComparisons.Compare(used, records[pair.Left], records[pair.Right]))];

    private static (MatchModel Model, EmResult Em) Fit(
        IReadOnlyList<MatchRecord> records, ImmutableArray<Comparison> used, List<byte[]> vectors, int seed, int randomPairs, EmOptions options)
    {
        var u = UProbabilities.Estimate(used, records, randomPairs, seed);
        var em = EmTrainer.Train(used, vectors, u, options);
        return (Build(records, used, u, em, vectors.Count), em);
    }

    private static MatchModel Build(
        IReadOnlyList<MatchRecord> records, ImmutableArray<Comparison> used, ImmutableArray<ImmutableArray<double>> u, EmResult em, int candidates)
    {
        var tables = used
            .Where(c => TermFrequencyFields.Contains(c.Field))
            .ToDictionary(c => c.Field, c => TermFrequencyTable.Build(records.Select(c.Value)), StringComparer.Ordinal);
        var lambda = PriorOverAllPairs(em.Lambda * candidates, records.Count);
        return new MatchModel(used, em.M, u, lambda, tables, LinkProbability, ReviewProbability);
    }
}
