using System.Collections.Immutable;
using Cdm.Cli.Evaluation;
using Cdm.Contracts.Records;
using Cdm.Grains.Blocking;
using Cdm.Grains.Matching;
using Cdm.Grains.Normalisation;

namespace Cdm.Bench.ModelEvaluation;

/// <summary>What one run of the pipeline over a data set measured; <see cref="TrueCandidatePairs"/> are candidates with the same truth.</summary>
public sealed record ModelEvaluationRun(
    int Records,
    int Rejected,
    int CandidatePairs,
    int TrueCandidatePairs,
    int Iterations,
    bool Converged,
    double Lambda,
    int LinkedPairs,
    PairwiseMetrics Metrics);

/// <summary>
/// The pure matching pipeline, offline: normalise each record, derive blocking keys, pair the members of each block
/// (a block refuses members beyond its capacity, as the live system does), train the model without labels, link the
/// candidate pairs the model calls a match, close the links transitively (union-find) and score the resulting
/// profiles pairwise against the truth.
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
        var options = new NormalisationOptions { DefaultRegion = defaultRegion };
        var normaliser = new RecordNormaliser(options, new FixedTime(ReceivedAt));
        var blockingOptions = blocking ?? new BlockingOptions();
        var keys = new BlockingKeys(blockingOptions);
        var capacity = blockingOptions.MaxBlockSize;

        var kept = new List<LabelledRecord>(records.Count);
        var matchRecords = new List<MatchRecord>(records.Count);
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
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
            foreach (var key in keys.For(result.Version))
            {
                if (!blocks.TryGetValue(key.Key, out var members))
                {
                    blocks[key.Key] = members = [];
                }

                if (members.Count < capacity)
                {
                    members.Add(index);
                }
            }
        }

        var pairs = new HashSet<(int, int)>();
        foreach (var members in blocks.Values)
        {
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var (a, b) = (members[i], members[j]);
                    pairs.Add(a < b ? (a, b) : (b, a));
                }
            }
        }

        var candidates = pairs.Order().ToList();
        var trueCandidates = candidates.Count(p => kept[p.Item1].Truth == kept[p.Item2].Truth);
        var links = new List<(int, int)>();
        var iterations = 0;
        var converged = true;
        var lambda = double.NaN;
        if (candidates.Count > 0 && kept.Count >= 2)
        {
            var (model, em) = MatchModelTrainer.TrainWithResult(matchRecords, candidates, seed);
            iterations = em.Iterations;
            converged = em.Converged;
            lambda = model.Lambda;
            foreach (var (left, right) in candidates)
            {
                if (model.IsMatch(model.Score(matchRecords[left], matchRecords[right])))
                {
                    links.Add((left, right));
                }
            }
        }

        var profiles = Cluster(kept.Count, links);
        var evaluator = new PairwiseEvaluator();
        for (var i = 0; i < kept.Count; i++)
        {
            evaluator.Add(kept[i].Truth, profiles[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new ModelEvaluationRun(kept.Count, rejected, candidates.Count, trueCandidates, iterations, converged, lambda, links.Count, evaluator.Compute());
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
