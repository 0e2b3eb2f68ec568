using Npgsql;
using Orleans.Storage;
using static Cdm.PostgresTests.Storage.PostgresGroupCommitGrainStorageTests;

namespace Cdm.PostgresTests.Storage;

public sealed class PostgresGroupCommitBatchTests
{
    private const string StateName = "profile";
    // Long enough never to be reached: a batch closes as soon as MaxBatchSize writes are queued.
    private static readonly TimeSpan UntilBatchIsFull = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task StaleETag_FailsOnlyThatWrite_WhileTheRestOfItsBatchCommits()
    {
        var database = await GrainStateDatabase.CreateAsync("pg batch conflict");
        var (stale, current, fresh, cleared) = (Grain("stale"), Grain("current"), Grain("fresh"), Grain("cleared"));
        await using (var setup = await database.StartAsync())
        {
            await setup.WriteStateAsync(StateName, stale, new GrainState<TestState>(new TestState { Name = "stored" }));
            await setup.WriteStateAsync(StateName, current, new GrainState<TestState>(new TestState { Name = "v1" }));
            await setup.WriteStateAsync(StateName, cleared, new GrainState<TestState>(new TestState { Name = "to clear" }));
        }

        await using var storage = await database.StartAsync(o => { o.WriterCount = 1; o.MaxBatchSize = 4; o.MaxBatchDelay = UntilBatchIsFull; });
        var staleState = new GrainState<TestState>(new TestState { Name = "lost update" });
        var currentState = new GrainState<TestState>(new TestState { Name = "v2" }, "1");
        var freshState = new GrainState<TestState>(new TestState { Name = "new" });
        var clearedState = new GrainState<TestState>(new TestState(), "1");

        var staleWrite = storage.WriteStateAsync(StateName, stale, staleState);
        var currentWrite = storage.WriteStateAsync(StateName, current, currentState);
        var freshWrite = storage.WriteStateAsync(StateName, fresh, freshState);
        var clear = storage.ClearStateAsync(StateName, cleared, clearedState);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => staleWrite);
        await Task.WhenAll(currentWrite, freshWrite, clear);
        Assert.Equal(1, storage.CommittedBatches);
        Assert.Equal(("1", null), (conflict.StoredEtag, conflict.CurrentEtag));
        Assert.Null(staleState.ETag);
        Assert.Equal(("2", "1", "2"), (currentState.ETag, freshState.ETag, clearedState.ETag));
        Assert.Equal(("stored", "1"), await ReadAsync(storage, stale));
        Assert.Equal(("v2", "2"), await ReadAsync(storage, current));
        Assert.Equal(("new", "1"), await ReadAsync(storage, fresh));
        Assert.Equal(("", "2"), await ReadAsync(storage, cleared));
    }

    [Fact]
    public async Task HundredsOfConcurrentWriters_AreAllAcknowledged_InFewerTransactionsThanWrites()
    {
        const int Grains = 600;
        const int WritesPerGrain = 3;
        var database = await GrainStateDatabase.CreateAsync("pg many writers");
        await using var storage = await database.StartAsync(o => o.WriterCount = 3);
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

        // Read back through a second storage: nothing is served from the writer's memory.
        await using var reader = await database.StartAsync();
        for (var i = 0; i < Grains; i++)
        {
            Assert.True(states[i].ETag == "3", $"many-{i}: expected ETag 3 acknowledged, got {states[i].ETag}");
            var read = new GrainState<TestState>();
            await reader.ReadStateAsync(StateName, Grain($"many-{i}"), read);
            Assert.True(read.ETag == "3" && read.State!.Count == WritesPerGrain, $"many-{i}: expected (3, {WritesPerGrain}), read ({read.ETag}, {read.State!.Count})");
        }

        Assert.Equal(Grains * WritesPerGrain, storage.CommittedWrites);
        Assert.True(storage.CommittedBatches < storage.CommittedWrites,
            $"expected fewer transactions than {storage.CommittedWrites} writes, got {storage.CommittedBatches}");
    }

    [Fact]
    public async Task TwoSilos_WritingOneStateWithTheSameETag_OnlyOneWins()
    {
        var database = await GrainStateDatabase.CreateAsync("pg two silos");
        await using var first = await database.StartAsync();
        await using var second = await database.StartAsync();
        var grain = Grain("contested");
        await first.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Name = "v1" }));

        // A grain activated on two silos for a moment: both activations hold ETag 1 and write.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            var storage = i % 2 == 0 ? first : second;
            try
            {
                await storage.WriteStateAsync(StateName, grain, new GrainState<TestState>(new TestState { Name = $"writer-{i}" }, "1"));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        Assert.Equal(1, outcomes.Count(won => won));
        var (name, etag) = await ReadAsync(second, grain);
        Assert.Equal("2", etag);
        Assert.StartsWith("writer-", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_CommitsQueuedWrites_AndAFreshStorageReadsThem()
    {
        var database = await GrainStateDatabase.CreateAsync("pg stop drains");
        var grains = Enumerable.Range(0, 200).Select(i => Grain($"drain-{i}")).ToList();
        var storage = await database.StartAsync();
        var writes = grains.ConvertAll(g => storage.WriteStateAsync(StateName, g, new GrainState<TestState>(new TestState { Name = g.Key.ToString() })));

        await storage.DisposeAsync();
        await Task.WhenAll(writes);
        await using var reopened = await database.StartAsync();

        foreach (var grain in grains)
        {
            var (name, etag) = await ReadAsync(reopened, grain);
            Assert.True(name == grain.Key.ToString() && etag == "1", $"{grain}: expected ({grain.Key}, 1), read ({name}, {etag})");
        }
    }

    [Fact]
    public async Task Batches_NeverExceedMaxBatchSize()
    {
        var database = await GrainStateDatabase.CreateAsync("pg batch bound");
        await using var storage = await database.StartAsync(o => o.MaxBatchSize = 2);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(
            i => storage.WriteStateAsync(StateName, Grain($"bounded-{i}"), new GrainState<TestState>(new TestState()))));

        Assert.Equal(10, storage.CommittedWrites);
        Assert.True(storage.CommittedBatches >= 5, $"expected at least 5 batches of at most 2 writes, got {storage.CommittedBatches}");
    }

    [Fact]
    public async Task FailingBatch_FailsEveryWriteInIt_CommitsNone_AndTheWriterCarriesOn()
    {
        var database = await GrainStateDatabase.CreateAsync("pg batch failure");
        await using var storage = await database.StartAsync(o => { o.WriterCount = 1; o.MaxBatchSize = 2; o.MaxBatchDelay = UntilBatchIsFull; });
        await database.ExecuteAsync("""
            CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.grain_key = 'poison' THEN RAISE EXCEPTION 'poisoned row'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER poison BEFORE INSERT ON cdm_grain_state FOR EACH ROW EXECUTE FUNCTION poison();
            """);

        var good = storage.WriteStateAsync(StateName, Grain("good"), new GrainState<TestState>(new TestState { Name = "good" }));
        var poison = storage.WriteStateAsync(StateName, Grain("poison"), new GrainState<TestState>(new TestState { Name = "poison" }));
        await Assert.ThrowsAsync<PostgresException>(() => poison);
        await Assert.ThrowsAsync<PostgresException>(() => good);
        var goodAfterFailure = await ReadAsync(storage, Grain("good"));

        await database.ExecuteAsync("DROP TRIGGER poison ON cdm_grain_state");
        var goodState = new GrainState<TestState>(new TestState { Name = "good" });
        var poisonState = new GrainState<TestState>(new TestState { Name = "poison" });
        await Task.WhenAll(
            storage.WriteStateAsync(StateName, Grain("good"), goodState),
            storage.WriteStateAsync(StateName, Grain("poison"), poisonState));

        Assert.Equal(("", (string?)null), goodAfterFailure);
        Assert.Equal(1, storage.CommittedBatches);
        Assert.Equal(("1", "1"), (goodState.ETag, poisonState.ETag));
    }

    [Fact]
    public async Task LostConnection_FailsTheBatch_AndTheNextWriteReconnects()
    {
        var database = await GrainStateDatabase.CreateAsync("pg reconnect");
        await using var storage = await database.StartAsync(o => o.WriterCount = 1);
        await storage.WriteStateAsync(StateName, Grain("before"), new GrainState<TestState>(new TestState { Name = "before" }));

        // Waits (up to 5 s) until the writer's server process is gone.
        await database.ExecuteAsync("""
            SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
            WHERE datname = current_database() AND application_name = 'cdm-grain-writes'
            """);
        var failed = await Record.ExceptionAsync(
            () => storage.WriteStateAsync(StateName, Grain("during"), new GrainState<TestState>(new TestState { Name = "during" })));
        var after = new GrainState<TestState>(new TestState { Name = "after" });
        await storage.WriteStateAsync(StateName, Grain("after"), after);

        Assert.True(failed is NpgsqlException or InvalidOperationException, $"expected the write on the lost connection to fail, got {failed?.GetType().Name ?? "no exception"}");
        Assert.Equal(("", (string?)null), await ReadAsync(storage, Grain("during")));
        Assert.Equal(("after", "1"), await ReadAsync(storage, Grain("after")));
    }
}
