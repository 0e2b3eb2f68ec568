using Cdm.Postgres.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Storage;

namespace Cdm.PostgresTests.Storage;

public sealed class PostgresGroupCommitGrainStorageTests
{
    private const string StateName = "profile";

    [Fact]
    public async Task Read_MissingRow_GivesDefaultStateWithoutETag()
    {
        var database = await GrainStateDatabase.CreateAsync("pg read missing");
        await using var storage = await database.StartAsync();
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
        var database = await GrainStateDatabase.CreateAsync("pg round trip");
        await using var storage = await database.StartAsync();
        var grain = Grain("round-trip");
        var written = new GrainState<TestState>(new TestState { Name = "Ada", Count = 3, Colour = TestColour.Blue, Tags = ["a", "b"] });

        await storage.WriteStateAsync(StateName, grain, written);
        var read = new GrainState<TestState>();
        await storage.ReadStateAsync(StateName, grain, read);

        Assert.Equal(("1", true), (written.ETag, written.RecordExists));
        Assert.Equal(("1", true), (read.ETag, read.RecordExists));
        Assert.Equal(("Ada", 3, TestColour.Blue), (read.State!.Name, read.State.Count, read.State.Colour));
        Assert.Equal(["a", "b"], read.State.Tags.ToArray());
    }

    [Fact]
    public async Task AcknowledgedWrite_IsInTheTable_ForAFreshConnection()
    {
        var database = await GrainStateDatabase.CreateAsync("pg durable");
        await using var storage = await database.StartAsync();
        var grain = Grain("durable");

        await storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Name = "Ada", Colour = TestColour.Green }));

        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT service_id, grain_type, state_name, grain_key, version, state_type, convert_from(payload, 'UTF8')::jsonb ->> 'Colour' FROM cdm_grain_state",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "expected one stored row");
        Assert.Equal(
            ("test-service", grain.Type.ToString(), StateName, grain.Key.ToString(), 1L, "cdm.tests.postgres-state", "Green"),
            (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5), reader.GetString(6)));
        Assert.False(await reader.ReadAsync(), "expected exactly one stored row");
    }

    [Fact]
    public async Task WrongETag_OnExistingRow_RaisesWithStoredAndCurrentETag()
    {
        var database = await GrainStateDatabase.CreateAsync("pg wrong etag");
        await using var storage = await database.StartAsync();
        var grain = Grain("wrong-etag");
        var state = new GrainState<TestState>(new TestState { Name = "v1" });
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Name = "late" }, "1")));
        var unparsable = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Name = "odd" }, "W/\"x\"")));

        Assert.Equal(("2", "1"), (conflict.StoredEtag, conflict.CurrentEtag));
        Assert.Equal("2", unparsable.StoredEtag);
        Assert.Equal(("v1", "2"), await ReadAsync(storage, grain));
    }

    [Fact]
    public async Task WriteWithoutETag_OfALiveRow_Conflicts()
    {
        var database = await GrainStateDatabase.CreateAsync("pg twin insert");
        await using var storage = await database.StartAsync();
        var grain = Grain("twin");
        await storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Name = "first" }));

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Name = "twin activation" })));

        Assert.Equal(("1", null), (conflict.StoredEtag, conflict.CurrentEtag));
        Assert.Equal(("first", "1"), await ReadAsync(storage, grain));
    }

    [Fact]
    public async Task Erase_DeletesTheRowWhoseKeyIsPersonal_WhateverItsVersion()
    {
        var database = await GrainStateDatabase.CreateAsync("pg erase");
        await using var storage = await database.StartAsync();
        var grain = Grain("email:ada@x.net");
        var state = new GrainState<TestState>(new TestState { Name = "Ada" });
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, Grain("email:bob@x.net"), new GrainState<TestState>(new TestState { Name = "Bob" }));

        await storage.EraseStateAsync(StateName, grain, new GrainState<TestState>(new TestState(), "1"));
        await storage.EraseStateAsync(StateName, Grain("never-written"), new GrainState<TestState>());
        var afterErase = new GrainState<TestState>();
        await storage.ReadStateAsync(StateName, grain, afterErase);

        Assert.Equal((null, false), (afterErase.ETag, afterErase.RecordExists));
        Assert.Equal(0L, await CountAsync(database, "grain_key = 'email:ada@x.net'"));
        Assert.Equal(1L, await CountAsync(database, "grain_key = 'email:bob@x.net'"));
    }

    [Fact]
    public async Task Clear_KeepsTheVersion_AndAWriteStartsFromIt()
    {
        var database = await GrainStateDatabase.CreateAsync("pg clear");
        await using var storage = await database.StartAsync();
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

        Assert.Equal(("2", false, ""), (afterClear.ETag, afterClear.RecordExists, afterClear.State!.Name));
        Assert.Equal(("3", true), (state.ETag, state.RecordExists));
        Assert.Equal(("again", "3"), await ReadAsync(storage, grain));
        Assert.Equal(0L, await CountAsync(database, "payload IS NULL"));
    }

    [Fact]
    public async Task ClearedRow_HoldsNoPayload_AndAWriteWithoutETagRefillsIt()
    {
        var database = await GrainStateDatabase.CreateAsync("pg clear refill");
        await using var storage = await database.StartAsync();
        var grain = Grain("refill");
        var state = new GrainState<TestState>(new TestState { Name = "erase me" });
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.ClearStateAsync(StateName, grain, state);

        var cleared = await CountAsync(database, "payload IS NULL AND state_type IS NULL AND version = 2");
        var fresh = new GrainState<TestState>(new TestState { Name = "new activation" });
        await storage.WriteStateAsync(StateName, grain, fresh);

        Assert.Equal(1L, cleared);
        Assert.Equal("3", fresh.ETag);
        Assert.Equal(("new activation", "3"), await ReadAsync(storage, grain));
    }

    [Fact]
    public async Task Clear_WithStaleETag_LeavesTheStateAlone()
    {
        var database = await GrainStateDatabase.CreateAsync("pg clear stale");
        await using var storage = await database.StartAsync();
        var grain = Grain("clear-stale");
        var state = new GrainState<TestState>(new TestState { Name = "kept" });
        await storage.WriteStateAsync(StateName, grain, state);
        await storage.WriteStateAsync(StateName, grain, state);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, grain, new GrainState<TestState>(new TestState(), "1")));
        var withoutETag = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, grain, new GrainState<TestState>(new TestState())));

        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("2", withoutETag.StoredEtag);
        Assert.Equal(("kept", "2"), await ReadAsync(storage, grain));
    }

    [Fact]
    public async Task Clear_WithoutETag_OfAMissingRow_IsANoOp()
    {
        var database = await GrainStateDatabase.CreateAsync("pg clear missing");
        await using var storage = await database.StartAsync();
        var state = new GrainState<TestState>(new TestState { Name = "never stored" });

        await storage.ClearStateAsync(StateName, Grain("never-written"), state);

        Assert.Equal((null, false, ""), (state.ETag, state.RecordExists, state.State!.Name));
        Assert.Equal(0L, await CountAsync(database, "true"));
    }

    [Fact]
    public async Task Write_AfterStop_IsRefused()
    {
        var database = await GrainStateDatabase.CreateAsync("pg stopped");
        var storage = await database.StartAsync();
        await storage.StopAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => storage.WriteStateAsync(StateName, Grain("late"), new GrainState<TestState>(new TestState())));
    }

    [Fact]
    public async Task Start_WithoutTheSchema_Refuses()
    {
        var connectionString = await Testing.Postgres.PostgresTestServer.CreateDatabaseAsync("pg no schema");
        var storage = new PostgresGroupCommitGrainStorage(
            "test",
            new PostgresGroupCommitOptions { ConnectionString = connectionString, ServiceId = "s" },
            TestActivators.Instance,
            NullLogger<PostgresGroupCommitGrainStorage>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.StartAsync());

        Assert.Contains("cdm_grain_state", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "s", 512, 2)]
    [InlineData("Host=x", "", 512, 2)]
    [InlineData("Host=x", "s", 0, 2)]
    [InlineData("Host=x", "s", 512, 0)]
    [InlineData("Host=x", "s", 512, 2, 9)]
    public void InvalidOptions_AreRefused(string connectionString, string serviceId, int maxBatchSize, int writerCount, int readerCount = 2)
    {
        var options = new PostgresGroupCommitOptions
        {
            ConnectionString = connectionString,
            ServiceId = serviceId,
            MaxBatchSize = maxBatchSize,
            WriterCount = writerCount,
            ReaderCount = readerCount,
        };

        Assert.ThrowsAny<ArgumentException>(
            () => new PostgresGroupCommitGrainStorage("test", options, TestActivators.Instance, NullLogger<PostgresGroupCommitGrainStorage>.Instance));
    }

    internal static GrainId Grain(string key) => GrainId.Create("cdm-test", key);

    internal static async Task<(string Name, string? ETag)> ReadAsync(PostgresGroupCommitGrainStorage storage, GrainId grain, string stateName = StateName)
    {
        var state = new GrainState<TestState>();
        await storage.ReadStateAsync(stateName, grain, state);
        return (state.State!.Name, state.ETag);
    }

    internal static async Task<long> CountAsync(GrainStateDatabase database, string where)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM cdm_grain_state WHERE " + where, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
