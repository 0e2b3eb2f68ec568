using Cdm.Cli.Evaluation;
using Cdm.Contracts.Records;
using Cdm.Grains.Blocking;
using Cdm.Grains.Matching;
using Cdm.Grains.Normalisation;

namespace Cdm.Bench.ModelEvaluation;

/// <summary>
/// What one run of the pipeline over a data set measured. <see cref="TrueCandidatePairs"/> are candidates with the
/// same truth; <see cref="IdentifierLinks"/> are the records joined to an earlier one by a shared identifier;
/// <see cref="ReviewPairs"/> are candidates between the review threshold and the threshold, of which
/// <see cref="TrueReviewPairs"/> have the same truth.
/// </summary>
public sealed record ModelEvaluationRun(
    int Records,
    int Rejected,
    int CandidatePairs,
    int TrueCandidatePairs,
    int Iterations,
    bool Converged,
    double Lambda,
    int LinkedPairs,
    PairwiseMetrics Metrics,
    int IdentifierLinks = 0,
    int ReviewPairs = 0,
    int TrueReviewPairs = 0,
    double Threshold = double.NaN,
    double ReviewThreshold = double.NaN);

/// <summary>
/// The pure matching pipeline, offline, as the live resolver runs it: normalise each record in arrival order; link
/// it to the earlier records that share one of its deterministic identifiers (<see cref="RecordVersion.Identifiers"/>);
/// for each of its blocking keys, compare it with the earlier members of that block (a block at its capacity takes
/// no new member and is not scanned). The model is trained without labels on all the pairs so compared; pairs it
/// decides to <see cref="MatchDecision.Link"/> are linked, <see cref="MatchDecision.Review"/> ones counted. Profiles
/// are the connected components of all links (union-find), scored pairwise against the truth.
/// </summary>
public static class ModelEvaluationPipeline
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Runs the pipeline over <paramref name="records"/> in the order given.</summary>
    /// <param name="defaultRegion">The normaliser's default region (phones without a country code).</param>
    /// <param name="seed">The seed of the random pairs u is estimated from.</param>
    public static ModelEvaluationRun Run(IReadOnlyList<LabelledRecord> records, string defaultRegion, int seed, BlockingOptions? blocking = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var normaliser = new RecordNormaliser(new NormalisationOptions { DefaultRegion = defaultRegion }, new FixedTime(ReceivedAt));
        var blockingOptions = blocking ?? new BlockingOptions();
        var keys = new BlockingKeys(blockingOptions);
        var capacity = blockingOptions.MaxBlockSize;

        var recordKeys = new List<IReadOnlyList<BlockingKey>>(records.Count);
        var kept = new List<LabelledRecord>(records.Count);
        var matchRecords = new List<MatchRecord>(records.Count);
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var firstWithIdentifier = new Dictionary<string, int>(StringComparer.Ordinal);
        var identifierLinks = new List<(int, int)>();
        var candidates = new List<(int, int)>();
        var compared = new HashSet<(int, int)>();
        var rejected = 0;
        foreach (var record in records)
        {
            var result = normaliser.Normalise(new IncomingRecord("eval", record.Id, null, record.Attributes, []), ReceivedAt);
            if (result.IsRejected)
            {
                rejected++;
                continue;
            }

            var index = kept.Count;
            kept.Add(record);
            matchRecords.Add(MatchRecords.From(result.Version));
            foreach (var identifier in result.Version.Identifiers)
            {
                if (firstWithIdentifier.TryGetValue(identifier.Key, out var earlier))
                {
                    identifierLinks.Add((earlier, index));
                }
                else
                {
                    firstWithIdentifier[identifier.Key] = index;
                }
            }

            var ownKeys = keys.For(result.Version);
            recordKeys.Add(ownKeys);
            foreach (var key in ownKeys)
            {
                if (!blocks.TryGetValue(key.Key, out var members))
                {
                    blocks[key.Key] = members = [];
                }

                if (members.Count >= capacity)
                {
                    continue;
                }

                foreach (var member in members)
                {
                    if (compared.Add((member, index)))
                    {
                        candidates.Add((member, index));
                    }
                }

                members.Add(index);
            }
        }

        var trueCandidates = candidates.Count(p => kept[p.Item1].Truth == kept[p.Item2].Truth);
        var links = new List<(int, int)>(identifierLinks);
        var (reviews, trueReviews, iterations, converged) = (0, 0, 0, true);
        MatchModel? model = null;
        if (candidates.Count > 0 && kept.Count >= 2)
        {
            var blocked = candidates.Select(p => new BlockedPair(p.Item1, p.Item2, keys.SharedRules(recordKeys[p.Item1], recordKeys[p.Item2]))).ToList();
            (model, var em) = MatchModelTrainer.TrainWithResult(matchRecords, blocked, seed);
            (iterations, converged) = (em.Iterations, em.Converged);
            foreach (var (left, right) in candidates)
            {
                switch (model.Decide(model.Score(matchRecords[left], matchRecords[right])))
                {
                    case MatchDecision.Link:
                        links.Add((left, right));
                        break;
                    case MatchDecision.Review:
                        reviews++;
                        trueReviews += kept[left].Truth == kept[right].Truth ? 1 : 0;
                        break;
                }
            }
        }

        var profiles = Cluster(kept.Count, links);
        var evaluator = new PairwiseEvaluator();
        for (var i = 0; i < kept.Count; i++)
        {
            evaluator.Add(kept[i].Truth, profiles[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new ModelEvaluationRun(
            kept.Count, rejected, candidates.Count, trueCandidates, iterations, converged, model?.Lambda ?? double.NaN,
            links.Count - identifierLinks.Count, evaluator.Compute(), identifierLinks.Count, reviews, trueReviews,
            model?.Threshold ?? double.NaN, model?.ReviewThreshold ?? double.NaN);
    }

    /// <summary>The profile (smallest member index) of each of <paramref name="count"/> records after closing <paramref name="links"/> transitively.</summary>
    internal static int[] Cluster(int count, IEnumerable<(int Left, int Right)> links)
    {
        var parent = Enumerable.Range(0, count).ToArray();
        foreach (var (left, right) in links)
        {
            Union(parent, left, right);
        }

        return Enumerable.Range(0, count).Select(i => Find(parent, i)).ToArray();
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
