using Cdm.Grains.Storage;
using Orleans.Storage;

namespace Cdm.UnitTests.Storage;

/// <summary>A chunked state on the real SQLite group-commit storage.</summary>
public sealed class ChunkedStoredStateTests : IDisposable
{
    private const string StateName = "members";
    private static readonly GrainId Grain = GrainId.Create("cdm-test", "chunked");

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Written_ThenRead_GivesEveryItemAndTheHeader()
    {
        await using var storage = await TestStorages.StartAsync(_database);
        var state = await FilledAsync(storage, 40);

        state.Header.Note = "capped";
        state.HeaderChanged();
        await state.WriteAsync();

        var read = New(storage);
        await read.ReadAsync();

        Assert.Equal(40, read.Items.Count);
        Assert.Equal(Enumerable.Range(0, 40).Sum(), read.Items.Items.Sum(static p => p.Value));
        Assert.Equal("capped", read.Header.Note);
        Assert.Equal(5, read.Items.ChunkCount);
        Assert.False(read.IsDirty);
    }

    [Fact]
    public async Task A_Change_RewritesOnlyItsChunk()
    {
        await using var storage = await TestStorages.StartAsync(_database);
        var state = await FilledAsync(storage, 40);

        await state.WriteAsync();

        // m30 is in chunk 3 (chunks of 8, filled in order).
        state.Items.Set("m30", -1);
        await state.WriteAsync();

        Assert.Equal(["1", "1", "1", "2", "1"], await VersionsAsync(storage, 5));
        var read = New(storage);
        await read.ReadAsync();
        Assert.True(read.Items.TryGet("m30", out var changed));
        Assert.Equal(-1, changed);
    }

    [Fact]
    public async Task A_NewChunk_RewritesTheFirstRowWithTheCount()
    {
        await using var storage = await TestStorages.StartAsync(_database);
        var state = await FilledAsync(storage, 8);

        await state.WriteAsync();
        state.Items.Set("m08", 8);
        await state.WriteAsync();

        Assert.Equal(["2", "1"], await VersionsAsync(storage, 2));
        var read = New(storage);
        await read.ReadAsync();
        Assert.Equal(9, read.Items.Count);
    }

    [Fact]
    public async Task A_Removal_IsStored()
    {
        await using var storage = await TestStorages.StartAsync(_database);
        var state = await FilledAsync(storage, 20);

        await state.WriteAsync();
        state.Items.Remove("m12");
        await state.WriteAsync();

        var read = New(storage);
        await read.ReadAsync();
        Assert.Equal(19, read.Items.Count);
        Assert.False(read.Items.Contains("m12"));
    }

    [Fact]
    public async Task A_FailedWrite_LeavesItsChunksDirty()
    {
        await using var storage = await TestStorages.StartAsync(_database);
        var state = New(storage);
        await state.ReadAsync();
        state.Items.Set("a", 1);
        await state.WriteAsync();

        // Another writer moves the row on: this state's ETag is stale and its write is refused.
        var other = New(storage);
        await other.ReadAsync();
        other.Items.Set("b", 2);
        await other.WriteAsync();
        state.Items.Set("c", 3);

        await Assert.ThrowsAnyAsync<Exception>(state.WriteAsync);
        Assert.True(state.IsDirty);
    }

    private static ChunkedStoredState<TestHeader, int> New(IGrainStorage storage) => new(storage, Grain, StateName, chunkSize: 8);

    /// <summary>A state read from <paramref name="storage"/> with items m00, m01, ... set to 0, 1, ..., not yet written.</summary>
    private static async Task<ChunkedStoredState<TestHeader, int>> FilledAsync(IGrainStorage storage, int count)
    {
        var state = New(storage);
        await state.ReadAsync();
        for (var i = 0; i < count; i++)
        {
            state.Items.Set($"m{i:00}", i);
        }

        return state;
    }

    private static async Task<string[]> VersionsAsync(IGrainStorage storage, int chunks)
    {
        var versions = new string[chunks];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            var row = new GrainState<ChunkRow<TestHeader, int>>();
            await storage.ReadStateAsync(chunk == 0 ? StateName : $"{StateName}.{chunk}", Grain, row);
            versions[chunk] = row.ETag ?? "none";
        }

        return versions;
    }

    public sealed class TestHeader
    {
        public string Note { get; set; } = "";
    }
}
