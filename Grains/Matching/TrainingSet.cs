using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Cdm.Grains.Blocking;

namespace Cdm.Grains.Matching;

/// <summary>
/// What a model is trained on without labels: the distinct records, the candidate pairs their blocks make, and for
/// each pair the blocking rules it shares (the trainer runs EM per rule). Filled from stored blocks (data already in
/// the system) or from normalised records (a file); blocks over the cap are left out, as ingest leaves them unscanned.
/// </summary>
public sealed class TrainingSet(BlockingKeys keys)
{
    private readonly List<MatchRecord> records = [];
    private readonly Dictionary<string, int> indexById = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, int), HashSet<string>> pairs = [];
    private readonly Dictionary<string, BlockingRule> rulesByCode = keys.Rules.ToDictionary(r => r.Code, StringComparer.Ordinal);

    public int RecordCount => records.Count;

    public int PairCount => pairs.Count;

    /// <summary>Adds one block's members, each new record and every pair among them; the rule is read from the block key.</summary>
    public void AddBlock(string blockKey, IEnumerable<(string Id, MatchRecord Record)> members)
    {
        ArgumentNullException.ThrowIfNull(blockKey);
        ArgumentNullException.ThrowIfNull(members);
        var rule = RuleOf(blockKey);
        var indices = new List<int>();
        foreach (var (id, record) in members)
        {
            if (!indexById.TryGetValue(id, out var index))
            {
                index = records.Count;
                records.Add(record);
                indexById[id] = index;
            }

            indices.Add(index);
        }

        for (var i = 0; i < indices.Count; i++)
        {
            for (var j = i + 1; j < indices.Count; j++)
            {
                var (a, b) = (indices[i], indices[j]);
                if (a == b)
                {
                    continue;
                }

                var pair = a < b ? (a, b) : (b, a);
                if (!pairs.TryGetValue(pair, out var shared))
                {
                    pairs[pair] = shared = new HashSet<string>(StringComparer.Ordinal);
                }

                if (rule is not null)
                {
                    shared.Add(rule.Name);
                }
            }
        }
    }

    /// <summary>Blocks <paramref name="versions"/> as ingest would (capped at the block size) and adds every block.</summary>
    public static TrainingSet FromRecords(IEnumerable<RecordVersion> versions, BlockingOptions blocking)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(blocking);
        var keys = new BlockingKeys(blocking);
        var capacity = blocking.ToCapacity();
        var blocks = new Dictionary<string, List<(string, MatchRecord)>>(StringComparer.Ordinal);
        var overCap = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var record = MatchRecords.From(version);
            foreach (var key in keys.For(version))
            {
                if (!blocks.TryGetValue(key.Key, out var members))
                {
                    blocks[key.Key] = members = [];
                }

                if (capacity.Admits(members.Count))
                {
                    members.Add((version.SourceKey, record));
                }
                else
                {
                    overCap.Add(key.Key);
                }
            }
        }

        var set = new TrainingSet(keys);
        foreach (var (key, members) in blocks)
        {
            if (!overCap.Contains(key))
            {
                set.AddBlock(key, members);
            }
        }

        return set;
    }

    /// <summary>Whether there is enough to train on.</summary>
    public bool IsEnough(out string reason)
    {
        reason = RecordCount < 2 ? $"only {RecordCount} records in blocks" : PairCount == 0 ? "no candidate pairs: no two records share a block" : "";
        return reason.Length == 0;
    }

    /// <summary>Trains a model (u from random pairs drawn with <paramref name="seed"/>, EM per blocking rule).</summary>
    public MatchModel Train(int seed)
    {
        if (!IsEnough(out var reason))
        {
            throw new InvalidOperationException($"Cannot train a match model: {reason}.");
        }

        // Pairs in a fixed order, so the same data trains the same model whatever order it was gathered in.
        var candidates = pairs.OrderBy(static p => p.Key)
            .Select(p => new BlockedPair(p.Key.Item1, p.Key.Item2, [.. p.Value.Order(StringComparer.Ordinal).Select(FieldsOf)]))
            .ToList();
        return MatchModelTrainer.TrainWithResult(records, candidates, seed).Model;
    }

    /// <summary>The rule of a block key, <c>b:{rule code}:{values}</c>; null for a rule no longer configured.</summary>
    private BlockingRule? RuleOf(string blockKey)
    {
        if (!blockKey.StartsWith(BlockingKey.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = blockKey.IndexOf(':', BlockingKey.Prefix.Length);
        var code = end < 0 ? blockKey[BlockingKey.Prefix.Length..] : blockKey[BlockingKey.Prefix.Length..end];
        return rulesByCode.GetValueOrDefault(code);
    }

    private ImmutableArray<string> FieldsOf(string ruleName) =>
        [.. keys.Rules.First(r => r.Name == ruleName).Parts.Select(static p => p.Attribute)];
}
