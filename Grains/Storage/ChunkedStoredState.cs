using Orleans.Storage;

namespace Cdm.Grains.Storage;

/// <summary>
/// A grain state made of a small header and a large <see cref="ChunkedItems{TItem}"/>, stored as one row per chunk
/// under one grain id: chunk 0 shares its row with the header and the chunk count (state name
/// <c>stateName</c>), chunk n is the row <c>stateName.n</c>. A write stores only the dirty chunks, and the first row
/// only when chunk 0, the header or the chunk count changed, so a small collection is still one row and a large one
/// costs a chunk per change. Each row keeps its own ETag. Not thread-safe: used from one grain's turns only.
/// </summary>
/// <remarks>
/// The rows of one write may commit apart. A crash between them loses nothing acknowledged: the write's callers are
/// answered only when every row is stored. A chunk row beyond the stored count is not read, and an id found in two
/// rows keeps its first.
/// </remarks>
public sealed class ChunkedStoredState<THeader, TItem> where THeader : class, new()
{
    private readonly IGrainStorage storage;
    private readonly GrainId grainId;
    private readonly string stateName;
    private readonly List<GrainState<ChunkRow<THeader, TItem>>> rows = [];
    private int storedChunkCount = 1;
    private bool headerChanged;

    public ChunkedStoredState(IGrainStorage storage, GrainId grainId, string stateName, int chunkSize)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        this.storage = storage;
        this.grainId = grainId;
        this.stateName = stateName;
        Items = new ChunkedItems<TItem>(chunkSize);
    }

    /// <summary>The header, stored with chunk 0; call <see cref="HeaderChanged"/> after changing it.</summary>
    public THeader Header { get; private set; } = new();

    /// <summary>The items.</summary>
    public ChunkedItems<TItem> Items { get; }

    /// <summary>True while a change is not yet handed to a write.</summary>
    public bool IsDirty => headerChanged || Items.IsDirty;

    /// <summary>Marks the header for the next write.</summary>
    public void HeaderChanged() => headerChanged = true;

    /// <summary>Reads the first row, then the other chunks together.</summary>
    public async Task ReadAsync()
    {
        var first = Row(0);
        await storage.ReadStateAsync(stateName, grainId, first);
        Header = first.State?.Header ?? new THeader();
        storedChunkCount = Math.Max(1, first.State?.Chunks ?? 1);
        Items.Load(0, first.State?.Items);
        if (storedChunkCount > 1)
        {
            var rest = Enumerable.Range(1, storedChunkCount - 1).ToArray();
            await Task.WhenAll(rest.Select(chunk => storage.ReadStateAsync(RowName(chunk), grainId, Row(chunk))));
            foreach (var chunk in rest)
            {
                Items.Load(chunk, Row(chunk).State?.Items);
            }
        }

        Items.TakeDirty();
    }

    /// <summary>
    /// Stores what changed since the last write. Each row written is a copy taken before this returns, so changes
    /// made while it runs belong to the next write; when it fails, its chunks are dirty again.
    /// </summary>
    public async Task WriteAsync()
    {
        var chunks = Items.TakeDirty();
        var chunkCount = Items.ChunkCount;
        var writeFirst = headerChanged || chunkCount != storedChunkCount || (chunks.Length > 0 && chunks[0] == 0);
        headerChanged = false;
        var writes = new List<Task>(chunks.Length + 1);
        if (writeFirst)
        {
            var first = Row(0);
            first.State = new ChunkRow<THeader, TItem> { Header = Header, Chunks = chunkCount, Items = Snapshot(0) };
            writes.Add(storage.WriteStateAsync(stateName, grainId, first));
        }

        foreach (var chunk in chunks)
        {
            if (chunk == 0)
            {
                continue;
            }

            var row = Row(chunk);
            row.State = new ChunkRow<THeader, TItem> { Items = Snapshot(chunk) };
            writes.Add(storage.WriteStateAsync(RowName(chunk), grainId, row));
        }

        try
        {
            await Task.WhenAll(writes);
            if (writeFirst)
            {
                storedChunkCount = chunkCount;
            }
        }
        catch
        {
            Items.MarkDirty(chunks);
            headerChanged |= writeFirst;
            throw;
        }
    }

    // A copy, so that a storage that serialises after its first await still writes the chunk as it was.
    private Dictionary<string, TItem> Snapshot(int chunk) => new(Items.Chunk(chunk), StringComparer.Ordinal);

    private string RowName(int chunk) => chunk == 0 ? stateName : $"{stateName}.{chunk}";

    private GrainState<ChunkRow<THeader, TItem>> Row(int chunk)
    {
        while (rows.Count <= chunk)
        {
            rows.Add(new GrainState<ChunkRow<THeader, TItem>>(new ChunkRow<THeader, TItem>()));
        }

        return rows[chunk];
    }
}

/// <summary>
/// One stored row of a <see cref="ChunkedStoredState{THeader,TItem}"/>: the items of one chunk, and in the first row
/// also the header and the number of chunks.
/// </summary>
public sealed class ChunkRow<THeader, TItem> where THeader : class
{
    public THeader? Header { get; set; }

    public int Chunks { get; set; }

    public Dictionary<string, TItem> Items { get; set; } = new(StringComparer.Ordinal);
}
