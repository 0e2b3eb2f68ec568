using Cdm.Grains.Storage;

namespace Cdm.UnitTests.Storage;

public sealed class ChunkedItemsTests
{
    [Fact]
    public void Items_FillChunksInOrder_AndMarkOnlyTheirChunkDirty()
    {
        var items = new ChunkedItems<int>(chunkSize: 2);
        items.Set("a", 1);
        items.Set("b", 2);
        items.Set("c", 3);
        Assert.Equal([0, 1], items.TakeDirty());
        Assert.Equal(2, items.ChunkCount);

        items.Set("c", 30);

        Assert.Equal([1], items.TakeDirty());
        Assert.Equal(new Dictionary<string, int> { ["c"] = 30 }, items.Chunk(1));
        Assert.False(items.IsDirty);
    }

    [Fact]
    public void A_Removal_LeavesRoomThatTheNextItemFills()
    {
        var items = new ChunkedItems<int>(chunkSize: 2);
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            items.Set(id, 0);
        }

        items.TakeDirty();

        Assert.True(items.Remove("a"));
        Assert.False(items.Remove("a"));
        items.Set("f", 0);

        Assert.Equal([0], items.TakeDirty());
        Assert.Equal(["b", "f"], items.Chunk(0).Keys.Order());
        Assert.Equal(5, items.Count);
        Assert.Equal(3, items.ChunkCount);
    }

    [Fact]
    public void Load_PutsStoredChunksBack_KeepingTheFirstOfARepeatedId()
    {
        var items = new ChunkedItems<string>(chunkSize: 2);
        items.Load(0, new Dictionary<string, string> { ["a"] = "first", ["b"] = "b" });
        items.Load(2, new Dictionary<string, string> { ["a"] = "stale", ["c"] = "c" });

        Assert.True(items.TryGet("a", out var a));
        Assert.Equal("first", a);
        Assert.Equal(3, items.ChunkCount);
        Assert.False(items.IsDirty);

        // Chunk 1 (never stored) and chunk 2 have room; the lowest is filled first.
        items.Set("d", "d");
        Assert.Equal([1], items.TakeDirty());
    }

    [Fact]
    public void Ids_AndItems_ListEverythingHeld()
    {
        var items = new ChunkedItems<int>(chunkSize: 3);
        for (var i = 0; i < 10; i++)
        {
            items.Set($"id{i}", i);
        }

        items.Remove("id4");

        Assert.Equal(9, items.Count);
        Assert.Equal(Enumerable.Range(0, 10).Where(i => i != 4).Select(i => $"id{i}").Order(), items.Ids.Order());
        Assert.Equal(45 - 4, items.Items.Sum(static p => p.Value));
        Assert.True(items.Contains("id9"));
        Assert.False(items.Contains("id4"));
    }

    [Fact]
    public void ChunkSize_BelowOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChunkedItems<int>(0));
    }
}
