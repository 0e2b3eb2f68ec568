using Cdm.Contracts.Records;
using Cdm.Grains.Blocking;

namespace Cdm.Grains.Matching;

/// <summary>
/// What a model is trained on without labels: the distinct records and the candidate pairs their blocks make.
/// Filled from stored blocks (data already in the system) or from normalised records (a file); blocks over the cap
/// are left out, as ingest leaves them unscanned.
/// </summary>
public sealed class TrainingSet
{
    private readonly List<MatchRecord> records = [];
    private readonly Dictionary<string, int> indexById = new(StringComparer.Ordinal);
    private readonly HashSet<(int, int)> pairs = [];

    public int RecordCount => records.Count;

    public int PairCount => pairs.Count;

    /// <summary>Adds one block's members: each new record, and every pair among them.</summary>
    public void AddBlock(IEnumerable<(string Id, MatchRecord Record)> members)
    {
        ArgumentNullException.ThrowIfNull(members);
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
                if (a != b)
                {
                    pairs.Add(a < b ? (a, b) : (b, a));
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

        var set = new TrainingSet();
        foreach (var (key, members) in blocks)
        {
            if (!overCap.Contains(key))
            {
                set.AddBlock(members);
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

    /// <summary>Trains a model (u from random pairs drawn with <paramref name="seed"/>).</summary>
    public MatchModel Train(int seed)
    {
        if (!IsEnough(out var reason))
        {
            throw new InvalidOperationException($"Cannot train a match model: {reason}.");
        }

        return MatchModelTrainer.Train(records, pairs.Order().ToList(), seed);
    }
}
