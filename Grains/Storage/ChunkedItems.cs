namespace Cdm.Grains.Storage;

/// <summary>
/// A large collection of items by id, spread over numbered chunks of at most <see cref="ChunkSize"/> items, each
/// chunk stored as a row of its own (<see cref="ChunkedStoredState{THeader,TItem}"/>). A change marks only its
/// chunk dirty, so adding one item to a collection of n rewrites at most a chunk and not all n: the cost of a write
/// no longer grows with the collection, which made filling a large block or review queue quadratic. Items never
/// move between chunks; a new item goes to the lowest chunk with room, so holes left by removals are filled first.
/// Not thread-safe: a grain's state.
/// </summary>
public sealed class ChunkedItems<TItem>
{
    private readonly List<Dictionary<string, TItem>> chunks = [];
    private readonly Dictionary<string, int> chunkOf = new(StringComparer.Ordinal);
    private readonly SortedSet<int> withRoom = [];
    private readonly SortedSet<int> dirty = [];

    /// <summary>An empty collection whose chunks hold at most <paramref name="chunkSize"/> items each.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkSize"/> is below 1.</exception>
    public ChunkedItems(int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        ChunkSize = chunkSize;
    }

    /// <summary>The most items a chunk takes when an item is added.</summary>
    public int ChunkSize { get; }

    /// <summary>How many items there are.</summary>
    public int Count => chunkOf.Count;

    /// <summary>How many chunks there are (chunk 0 always exists).</summary>
    public int ChunkCount => Math.Max(1, chunks.Count);

    /// <summary>True while some chunk has changes not taken by <see cref="TakeDirty"/>.</summary>
    public bool IsDirty => dirty.Count > 0;

    /// <summary>The ids, in chunk order.</summary>
    public IEnumerable<string> Ids => chunks.SelectMany(static c => c.Keys);

    /// <summary>The items with their ids, in chunk order.</summary>
    public IEnumerable<KeyValuePair<string, TItem>> Items => chunks.SelectMany(static c => c);

    /// <summary>The item of <paramref name="id"/>, if held.</summary>
    public bool TryGet(string id, out TItem item)
    {
        if (chunkOf.TryGetValue(id, out var chunk))
        {
            item = chunks[chunk][id];
            return true;
        }

        item = default!;
        return false;
    }

    /// <summary>Whether <paramref name="id"/> is held.</summary>
    public bool Contains(string id) => chunkOf.ContainsKey(id);

    /// <summary>Adds <paramref name="item"/> under <paramref name="id"/>, or replaces the item held, and marks its chunk dirty.</summary>
    public void Set(string id, TItem item)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!chunkOf.TryGetValue(id, out var chunk))
        {
            chunk = withRoom.Count > 0 ? withRoom.Min : NewChunk();
            chunkOf[id] = chunk;
        }

        var items = chunks[chunk];
        items[id] = item;
        if (items.Count >= ChunkSize)
        {
            withRoom.Remove(chunk);
        }

        dirty.Add(chunk);
    }

    /// <summary>Removes <paramref name="id"/> and marks its chunk dirty; false when it was not held.</summary>
    public bool Remove(string id)
    {
        if (!chunkOf.Remove(id, out var chunk))
        {
            return false;
        }

        var items = chunks[chunk];
        items.Remove(id);
        if (items.Count < ChunkSize)
        {
            withRoom.Add(chunk);
        }

        dirty.Add(chunk);
        return true;
    }

    /// <summary>
    /// Puts the items of a chunk read from storage in place (at load, before any change). An id already held in
    /// another chunk (a row written before a crash that the other row's later write superseded) keeps the first.
    /// </summary>
    public void Load(int chunk, IReadOnlyDictionary<string, TItem>? items)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunk);
        while (chunks.Count <= chunk)
        {
            NewChunk();
        }

        var target = chunks[chunk];
        foreach (var (id, item) in items ?? new Dictionary<string, TItem>())
        {
            if (chunkOf.TryAdd(id, chunk))
            {
                target[id] = item;
            }
        }

        if (target.Count >= ChunkSize)
        {
            withRoom.Remove(chunk);
        }
    }

    /// <summary>The items of a chunk, as they are now (the payload of its row).</summary>
    public Dictionary<string, TItem> Chunk(int chunk) => chunk < chunks.Count ? chunks[chunk] : [];

    /// <summary>The chunks changed since the last call, in order; they are clean afterwards.</summary>
    public int[] TakeDirty()
    {
        var taken = dirty.ToArray();
        dirty.Clear();
        return taken;
    }

    /// <summary>Marks chunks dirty again (their write failed).</summary>
    public void MarkDirty(IEnumerable<int> chunkNumbers)
    {
        foreach (var chunk in chunkNumbers)
        {
            dirty.Add(chunk);
        }
    }

    private int NewChunk()
    {
        chunks.Add(new Dictionary<string, TItem>(StringComparer.Ordinal));
        var chunk = chunks.Count - 1;
        withRoom.Add(chunk);
        return chunk;
    }
}
