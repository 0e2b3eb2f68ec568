using System.Text;
using Cdm.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;

namespace Cdm.UnitTests.Storage;

public sealed class SqliteGroupCommitGrainStorageTests : IDisposable
{
    private const string StateName = "profile";
    // Long enough never to be reached: a batch closes as soon as MaxBatchSize writes are queued.
    private static readonly TimeSpan UntilBatchIsFull = TimeSpan.FromSeconds(30);

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Read_MissingRow_GivesDefaultStateWithoutETag()
    {
        await using var storage = await StartAsync();
        var state = new GrainState<TestState>();

        await storage.ReadStateAsync(StateName, Grain("absent"), state);

        Assert.NotNull(state.State);
        Assert.Equal("", state.State.Name);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task Write_ThenRead_RoundTripsStateAndETag()
    {
        await using var storage = await StartAsync();
        var grain = Grain("round-trip");
        var written = new GrainState<TestState>(new TestState { Name = "Ada", Count = 3, Colour = TestColour.Blue, Tags = ["a", "b"] });

        await storage.WriteStateAsync(StateName, grain, written);
        var read = new GrainState<TestState>();
        await storage.ReadStateAsync(StateName, grain, read);

        Assert.Equal("1", written.ETag);
        Assert.True(written.RecordExists);
        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal("Ada", read.State!.Name);
        Assert.Equal(3, read.State.Count);
        Assert.Equal(TestColour.Blue, read.State.Colour);
        Assert.Equal(new[] { "a", "b" }, read.State.Tags.ToArray());
    }

    [Fact]
    public async Task Write_StoresSelfDescribingJson()
    {
        await using var storage = await StartAsync();
        var grain = Grain("json");
        await storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Name = "Ada", Colour = TestColour.Green }));

        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_type, grain_key, state_type, payload FROM cdm_grain_state";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "expected one stored row");
        var json = Encoding.UTF8.GetString((byte[])reader.GetValue(3));

        Assert.Equal(grain.Type.ToString(), reader.GetString(0));
        Assert.Equal(grain.Key.ToString(), reader.GetString(1));
        Assert.Equal("cdm.tests.storage-state", reader.GetString(2));
        Assert.Contains("\"Name\":\"Ada\"", json, StringComparison.Ordinal);
        Assert.Contains("\"Colour\":\"Green\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleETag_FailsOnlyThatWrite_WhileTheRestOfItsBatchCommits()
    {
        var stale = Grain("stale");
        var current = Grain("current");
        var fresh = Grain("fresh");
        await using (var setup = await StartAsync())
        {
            await setup.WriteStateAsync(StateName, stale, new GrainState<TestState>(new TestState { Name = "stored" }));
            await setup.WriteStateAsync(StateName, current, new GrainState<TestState>(new TestState { Name = "v1" }));
        }

        await using var storage = await StartAsync(o => { o.MaxBatchSize = 3; o.MaxBatchDelay = UntilBatchIsFull; });
        var staleState = new GrainState<TestState>(new TestState { Name = "lost update" });
        var currentState = new GrainState<TestState>(new TestState { Name = "v2" }, "1");
        var freshState = new GrainState<TestState>(new TestState { Name = "new" });

        var staleWrite = storage.WriteStateAsync(StateName, stale, staleState);
        var currentWrite = storage.WriteStateAsync(StateName, current, currentState);
        var freshWrite = storage.WriteStateAsync(StateName, fresh, freshState);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);
        await currentWrite;
        await freshWrite;
        Assert.Equal(1, storage.CommittedBatches);
        Assert.Equal("1", conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
        Assert.Null(staleState.ETag);
        Assert.Equal("2", currentState.ETag);
        Assert.Equal("1", freshState.ETag);
        Assert.Equal(("stored", "1"), await ReadAsync(storage, stale));
        Assert.Equal(("v2", "2"), await ReadAsync(storage, current));
        Assert.Equal(("new", "1"), await ReadAsync(storage, fresh));
    }

    [Fact]
    public async Task WrongETag_OnExistingRow_RaisesWithStoredAndCurrentETag()
    {
        await using var storage = await StartAsync();
        var grain = Grain("wrong-etag");
        var state = new GrainState<TestState>(new TestState { Name = "v1" });
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Name = "late" }, "1")));

        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("1", conflict.CurrentEtag);
        Assert.Equal(("v1", "2"), await ReadAsync(storage, grain));
    }

    [Fact]
    public async Task Erase_DeletesTheRowWhoseKeyIsPersonal_WhateverItsVersion()
    {
        await using var storage = await StartAsync();
        var grain = Grain("email:ada@x.net");
        var other = Grain("email:bob@x.net");
        var state = new GrainState<TestState>(new TestState { Name = "Ada" });
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, other, new GrainState<TestState>(new TestState { Name = "Bob" }));

        await storage.EraseStateAsync(StateName, grain, new GrainState<TestState>(new TestState(), "1"));
        await storage.EraseStateAsync(StateName, Grain("never-written"), new GrainState<TestState>());
        var afterErase = new GrainState<TestState>();
        await storage.ReadStateAsync(StateName, grain, afterErase);

        Assert.False(afterErase.RecordExists);
        Assert.Null(afterErase.ETag);
        using var connection = _database.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT grain_key FROM cdm_grain_state";
        using var reader = count.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        Assert.Equal(["email:bob@x.net"], keys);
    }

    [Fact]
    public async Task Clear_ThenWrite_StartsFromTheClearedVersion()
    {
        await using var storage = await StartAsync();
        var grain = Grain("cleared");
        var state = new GrainState<TestState>(new TestState { Name = "personal data" });
        await storage.WriteStateAsync(StateName, grain, state);

        await storage.ClearStateAsync(StateName, grain, state);
        var afterClear = new GrainState<TestState>();
        await storage.ReadStateAsync(StateName, grain, afterClear);
        var staleWrite = storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Name = "stale" }, "1"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);
        state.State = new TestState { Name = "again" };
        await storage.WriteStateAsync(StateName, grain, state);

        Assert.False(afterClear.RecordExists);
        Assert.Equal("2", afterClear.ETag);
        Assert.Equal("", afterClear.State!.Name);
        Assert.Equal("3", state.ETag);
        Assert.True(state.RecordExists);
        Assert.Equal(("again", "3"), await ReadAsync(storage, grain));
    }

    [Fact]
    public async Task Clear_WithStaleETag_LeavesTheStateAlone()
    {
        await using var storage = await StartAsync();
        var grain = Grain("clear-stale");
        var state = new GrainState<TestState>(new TestState { Name = "kept" });
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, grain, new GrainState<TestState>(new TestState(), "1")));

        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal(("kept", "2"), await ReadAsync(storage, grain));
    }

    [Fact]
    public async Task Clear_WithoutETag_OfAMissingRow_IsANoOp()
    {
        await using var storage = await StartAsync();
        var state = new GrainState<TestState>(new TestState { Name = "never stored" });

        await storage.ClearStateAsync(StateName, Grain("never-written"), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Equal("", state.State!.Name);
    }

    [Fact]
    public async Task Dispose_CommitsQueuedWrites_AndReopeningReadsThem()
    {
        var grains = Enumerable.Range(0, 50).Select(i => Grain($"durable-{i}")).ToList();
        var storage = await StartAsync();
        var writes = grains.ConvertAll(g => storage.WriteStateAsync(StateName, g, new GrainState<TestState>(new TestState { Name = g.Key.ToString() })));

        await storage.DisposeAsync();
        await Task.WhenAll(writes);
        await using var reopened = await StartAsync();

        foreach (var grain in grains)
        {
            var (name, etag) = await ReadAsync(reopened, grain);
            Assert.True(name == grain.Key.ToString() && etag == "1", $"{grain}: expected ({grain.Key}, 1), read ({name}, {etag})");
        }
    }

    [Fact]
    public async Task Write_AfterStop_IsRefused()
    {
        var storage = await StartAsync();
        await storage.StopAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => storage.WriteStateAsync(StateName, Grain("late"), new GrainState<TestState>(new TestState())));
    }

    [Fact]
    public async Task ManyConcurrentWriters_AllCommit_InFewerTransactionsThanWrites()
    {
        const int Grains = 2_000;
        const int WritesPerGrain = 3;
        await using var storage = await StartAsync();
        var states = new GrainState<TestState>[Grains];

        await Task.WhenAll(Enumerable.Range(0, Grains).Select(i => Task.Run(async () =>
        {
            var state = states[i] = new GrainState<TestState>(new TestState { Name = $"grain-{i}" });
            for (var write = 1; write <= WritesPerGrain; write++)
            {
                state.State!.Count = write;
                await storage.WriteStateAsync(StateName, Grain($"many-{i}"), state);
            }
        })));

        for (var i = 0; i < Grains; i++)
        {
            Assert.True(states[i].ETag == "3", $"many-{i}: expected ETag 3, got {states[i].ETag}");
        }

        var stored = 0;
        await foreach (var (key, state) in storage.ScanAsync<TestState>(Grain("x").Type.ToString(), StateName))
        {
            Assert.True(state.Count == WritesPerGrain, $"{key}: expected Count {WritesPerGrain}, stored {state.Count}");
            stored++;
        }

        Assert.Equal(Grains, stored);
        Assert.Equal(Grains * WritesPerGrain, storage.CommittedWrites);
        Assert.True(storage.CommittedBatches < storage.CommittedWrites,
            $"expected fewer transactions than {storage.CommittedWrites} writes, got {storage.CommittedBatches}");
    }

    [Fact]
    public async Task Batches_NeverExceedMaxBatchSize()
    {
        await using var storage = await StartAsync(o => o.MaxBatchSize = 2);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(
            i => storage.WriteStateAsync(StateName, Grain($"bounded-{i}"), new GrainState<TestState>(new TestState()))));

        Assert.Equal(10, storage.CommittedWrites);
        Assert.True(storage.CommittedBatches >= 5, $"expected at least 5 batches of at most 2 writes, got {storage.CommittedBatches}");
    }

    [Theory]
    [InlineData("", 512)]
    [InlineData("x.db", 0)]
    public void InvalidOptions_AreRefused(string path, int maxBatchSize)
    {
        var options = new SqliteGroupCommitOptions { DatabasePath = path, MaxBatchSize = maxBatchSize };

        Assert.ThrowsAny<ArgumentException>(
            () => new SqliteGroupCommitGrainStorage("test", options, TestActivators.Instance, NullLogger<SqliteGroupCommitGrainStorage>.Instance));
    }

    [Fact]
    public async Task FailingBatch_FailsEveryWriteInIt_AndTheWriterCarriesOn()
    {
        await using var storage = await StartAsync(o => { o.MaxBatchSize = 2; o.MaxBatchDelay = UntilBatchIsFull; });
        using (var connection = _database.Open())
        {
            Execute(connection, """
                CREATE TRIGGER poison BEFORE INSERT ON cdm_grain_state WHEN NEW.grain_key = 'poison'
                BEGIN SELECT RAISE(ABORT, 'poisoned row'); END
                """);
        }

        var good = storage.WriteStateAsync(StateName, Grain("good"), new GrainState<TestState>(new TestState { Name = "good" }));
        var poison = storage.WriteStateAsync(StateName, Grain("poison"), new GrainState<TestState>(new TestState { Name = "poison" }));
        await Assert.ThrowsAsync<SqliteException>(() => poison);
        await Assert.ThrowsAsync<SqliteException>(() => good);
        var goodAfterFailure = await ReadAsync(storage, Grain("good"));

        using (var connection = _database.Open())
        {
            Execute(connection, "DROP TRIGGER poison");
        }

        var goodState = new GrainState<TestState>(new TestState { Name = "good" });
        var poisonState = new GrainState<TestState>(new TestState { Name = "poison" });
        await Task.WhenAll(
            storage.WriteStateAsync(StateName, Grain("good"), goodState),
            storage.WriteStateAsync(StateName, Grain("poison"), poisonState));

        Assert.Equal(("", (string?)null), goodAfterFailure);
        Assert.Equal(1, storage.CommittedBatches);
        Assert.Equal("1", goodState.ETag);
        Assert.Equal("1", poisonState.ETag);
    }

    [Fact]
    public async Task LostTable_FailsTheWrite_AndAWriteAfterRepairSucceeds()
    {
        await using var storage = await StartAsync();
        var grain = Grain("repair");
        using var connection = _database.Open();
        Execute(connection, "DROP TABLE cdm_grain_state");

        var failed = await Assert.ThrowsAsync<SqliteException>(
            () => storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Name = "lost" })));
        SqliteGrainStateSchema.Apply(connection);
        var state = new GrainState<TestState>(new TestState { Name = "after repair" });
        await storage.WriteStateAsync(StateName, grain, state);

        Assert.Contains("no such table", failed.Message, StringComparison.Ordinal);
        Assert.Equal("1", state.ETag);
        Assert.Equal(("after repair", "1"), await ReadAsync(storage, grain));
    }

    [Fact]
    public async Task Start_OnANewerSchema_Refuses()
    {
        await (await StartAsync()).DisposeAsync();
        using (var connection = _database.Open())
        {
            Execute(connection, $"UPDATE cdm_schema SET version = {SqliteGrainStateSchema.Version + 1}");
        }

        var storage = TestStorages.Create(_database);

        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.StartAsync());
    }

    private Task<SqliteGroupCommitGrainStorage> StartAsync(Action<SqliteGroupCommitOptions>? configure = null) =>
        TestStorages.StartAsync(_database, configure);

    private static GrainId Grain(string key) => GrainId.Create("cdm-test", key);

    private static async Task<(string Name, string? ETag)> ReadAsync(SqliteGroupCommitGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<TestState>();
        await storage.ReadStateAsync(StateName, grain, state);
        return (state.State!.Name, state.ETag);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
