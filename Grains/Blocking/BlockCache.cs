namespace Cdm.Grains.Blocking;

/// <summary>
/// The blocks one partition keeps in memory, within a budget of members: when the members held exceed it, the least
/// recently used blocks that may go (those with no write pending) are dropped; they are read again when next needed.
/// Not thread-safe: a grain's state.
/// </summary>
public sealed class BlockCache<TBlock>(int memberBudget) where TBlock : class
{
    private readonly Dictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<string> recency = [];

    /// <summary>Members held by all cached blocks.</summary>
    public long Members { get; private set; }

    /// <summary>Blocks held.</summary>
    public int Count => entries.Count;

    /// <summary>The block of <paramref name="key"/>, made the most recently used.</summary>
    public bool TryGet(string key, out TBlock block)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            recency.Remove(entry.Node);
            recency.AddLast(entry.Node);
            block = entry.Block;
            return true;
        }

        block = null!;
        return false;
    }

    /// <summary>Adds a block just read, with <paramref name="members"/> members.</summary>
    public void Add(string key, TBlock block, int members)
    {
        if (entries.ContainsKey(key))
        {
            throw new InvalidOperationException($"Block {key} is cached already.");
        }

        entries[key] = new Entry(block, recency.AddLast(key), members);
        Members += members;
    }

    /// <summary>Records that the block of <paramref name="key"/> now has <paramref name="members"/> members.</summary>
    public void Resize(string key, int members)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            Members += members - entry.Size;
            entry.Size = members;
        }
    }

    /// <summary>Drops least recently used blocks that <paramref name="mayDrop"/> allows until the budget holds.</summary>
    public void Trim(Func<TBlock, bool> mayDrop)
    {
        var node = recency.First;
        while (Members > memberBudget && node is not null)
        {
            var next = node.Next;
            var entry = entries[node.Value];
            if (mayDrop(entry.Block))
            {
                recency.Remove(node);
                entries.Remove(node.Value);
                Members -= entry.Size;
            }

            node = next;
        }
    }

    private sealed class Entry(TBlock block, LinkedListNode<string> node, int size)
    {
        public TBlock Block { get; } = block;

        public LinkedListNode<string> Node { get; } = node;

        public int Size { get; set; } = size;
    }
}
