using static Cdm.PostgresTests.Storage.PostgresGroupCommitGrainStorageTests;

namespace Cdm.PostgresTests.Storage;

public sealed class PostgresBatchedReadTests
{
    private const string StateName = "profile";

    [Fact]
    public async Task ConcurrentReads_EachGetTheirOwnRow_FromFewerStatementsThanReads()
    {
        var database = await GrainStateDatabase.CreateAsync("pg batched reads");
        await using var storage = await database.StartAsync(o => o.ReaderCount = 1);
        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => storage.WriteStateAsync(
            StateName, Grain($"written-{i}"), new GrainState<TestState>(new TestState { Name = $"written-{i}", Count = i }))));

        // Written and never-written keys, interleaved, all at once.
        var reads = await Task.WhenAll(Enumerable.Range(0, 600).Select(i => Task.Run(async () =>
        {
            var key = i % 2 == 0 ? $"written-{i / 2}" : $"absent-{i}";
            var state = new GrainState<TestState>();
            await storage.ReadStateAsync(StateName, Grain(key), state);
            return (Key: key, State: state);
        })));

        foreach (var (key, state) in reads)
        {
            var expected = key.StartsWith("written-", StringComparison.Ordinal)
                ? (key, "1", true)
                : ("", (string?)null, false);
            Assert.True((state.State!.Name, state.ETag, state.RecordExists) == expected,
                $"{key}: expected {expected}, read ({state.State.Name}, {state.ETag}, {state.RecordExists})");
        }

        Assert.Equal(600, storage.Reads);
        Assert.True(storage.ReadBatches < storage.Reads, $"expected fewer statements than {storage.Reads} reads, got {storage.ReadBatches}");
    }

    [Fact]
    public async Task FailedRead_FailsTheCaller_AndLaterReadsSucceed()
    {
        var database = await GrainStateDatabase.CreateAsync("pg read failure");
        await using var storage = await database.StartAsync();
        await storage.WriteStateAsync(StateName, Grain("kept"), new GrainState<TestState>(new TestState { Name = "kept" }));
        await database.ExecuteAsync("ALTER TABLE cdm_grain_state RENAME TO cdm_grain_state_away");

        await Assert.ThrowsAsync<Npgsql.PostgresException>(() => storage.ReadStateAsync(StateName, Grain("kept"), new GrainState<TestState>()));
        await database.ExecuteAsync("ALTER TABLE cdm_grain_state_away RENAME TO cdm_grain_state");

        Assert.Equal(("kept", "1"), await ReadAsync(storage, Grain("kept")));
    }
}
