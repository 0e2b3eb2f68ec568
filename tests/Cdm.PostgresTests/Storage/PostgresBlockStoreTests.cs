using System.Collections.Immutable;
using System.Text;
using Cdm.Grains.Blocking;
using Cdm.Grains.Blocking.Rows;
using Cdm.Testing.Blocking;
using Npgsql;
using Orleans.Storage;
using static Cdm.PostgresTests.Storage.PostgresGroupCommitGrainStorageTests;
using static Cdm.Testing.Blocking.BlockRowScenarios;

namespace Cdm.PostgresTests.Storage;

/// <summary>
/// Blocks on the PostgreSQL storage (<see cref="IBlockStore"/>): written through the group-commit writers and read
/// back through a fresh instance, as a restarted or another silo would.
/// </summary>
public sealed class PostgresBlockStoreTests
{
    // Long enough never to be reached: a batch closes as soon as MaxBatchSize writes are queued.
    private static readonly TimeSpan UntilBatchIsFull = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ABlockNeverWritten_ReadsEmpty()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block missing");
        await using var storage = await database.StartAsync();

        Assert.Same(StoredBlockRows.Empty, await storage.ReadBlockAsync("b:sn_by:SNAT:1980"));
    }

    [Fact]
    public async Task AddedMembers_AreReadBackWithTheirFeatures_ThroughAFreshStorage()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block round trip");
        await using (var storage = await database.StartAsync())
        {
            var rows = new TableBlockRows(storage);
            var block = await rows.ReadAsync("b:sn_by:SNAT:1980");
            for (var i = 0; i < 20; i++)
            {
                Add(block, $"crm:{i}", Features(i));
            }

            await rows.WriteAsync([block]);
        }

        await using var fresh = await database.StartAsync();
        var read = await new TableBlockRows(fresh).ReadAsync("b:sn_by:SNAT:1980");

        Assert.Equal(20, read.Membership.Members.Count);
        Assert.True(read.Membership.Members.TryGet("crm:7", out var features));
        Assert.Equal("given-7", features["given_name"]);
        Assert.False(read.IsDirty);
        Assert.False(read.Membership.IsOverCap);
    }

    [Fact]
    public async Task RemovedAndReplacedMembers_StayThatWay()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block replace");
        await using (var storage = await database.StartAsync())
        {
            var rows = new TableBlockRows(storage);
            var block = await rows.ReadAsync("b:fn:ann:2000");
            Add(block, "a", Features(1));
            Add(block, "b", Features(2));
            await rows.WriteAsync([block]);

            Assert.Equal(BlockMembershipChange.Removed, block.Remove("a"));
            Add(block, "b", Features(3));
            await rows.WriteAsync([block]);
        }

        await using var fresh = await database.StartAsync();
        var read = await new TableBlockRows(fresh).ReadAsync("b:fn:ann:2000");

        Assert.Equal(["b"], read.Membership.Members.Ids);
        Assert.True(read.Membership.Members.TryGet("b", out var features));
        Assert.Equal("given-3", features["given_name"]);
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM cdm_block_member"));
    }

    [Fact]
    public async Task ABlockOverItsCap_IsReadBackOverIt_AndStaysOverIt()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block cap");
        await using (var storage = await database.StartAsync())
        {
            var rows = new TableBlockRows(storage);
            await BlockRowScenarios.WriteCappedBlockAsync(rows, "b:pc:2000");
            // Capping again, and removing every member, leaves the block over its cap.
            await storage.WriteBlocksAsync([BlockRowChange.Cap("b:pc:2000"), BlockRowChange.Delete("b:pc:2000", "a")]);
        }

        await using var fresh = await database.StartAsync();
        var read = await new TableBlockRows(fresh).ReadAsync("b:pc:2000");
        await fresh.WriteBlocksAsync([BlockRowChange.Delete("b:pc:2000", "b")]);
        var emptied = await fresh.ReadBlockAsync("b:pc:2000");

        Assert.True(read.Membership.IsOverCap);
        Assert.Equal(["b"], read.Membership.Members.Ids);
        Assert.Equal((true, 0), (emptied.OverCap, emptied.Members.Count));
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM cdm_block WHERE block_key = 'b:pc:2000' AND over_cap"));
    }

    [Fact]
    public async Task TheTables_HoldOneRowPerMember_AndTheCapApart_UnderTheServiceId()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block rows");
        await using var storage = await database.StartAsync();
        var rows = new TableBlockRows(storage);
        await BlockRowScenarios.WriteTwoBlocksOneCappedAsync(rows);

        Assert.Equal(3L, await ScalarAsync<long>(database, "SELECT count(*) FROM cdm_block_member WHERE service_id = 'test-service'"));
        Assert.Equal("given-6", await ScalarAsync<string>(
            database, "SELECT convert_from(features, 'UTF8')::jsonb ->> 'given_name' FROM cdm_block_member WHERE block_key = 'k2' AND member_id = 'm2'"));
        Assert.Equal(1L, await ScalarAsync<long>(database, "SELECT count(*) FROM cdm_block WHERE service_id = 'test-service' AND block_key = 'k2' AND over_cap"));
        Assert.Equal(0L, await ScalarAsync<long>(database, "SELECT count(*) FROM cdm_grain_state"));
    }

    [Fact]
    public async Task TwoServices_DoNotSeeEachOthersBlocks()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block services");
        await using var left = await database.StartAsync(o => o.ServiceId = "left");
        await using var right = await database.StartAsync(o => o.ServiceId = "right");

        await left.WriteBlocksAsync([BlockRowChange.Put("k", "l1", Bytes("left")), BlockRowChange.Cap("k")]);
        await right.WriteBlocksAsync([BlockRowChange.Put("k", "r1", Bytes("right")), BlockRowChange.Put("k", "r2", Bytes("right"))]);
        await right.WriteBlocksAsync([BlockRowChange.Delete("k", "l1")]);
        var leftBlock = await left.ReadBlockAsync("k");
        var rightBlock = await right.ReadBlockAsync("k");

        Assert.True(leftBlock.OverCap);
        Assert.Equal(["l1"], Ids(leftBlock));
        Assert.False(rightBlock.OverCap);
        Assert.Equal(["r1", "r2"], Ids(rightBlock));
        Assert.Equal("left", Encoding.UTF8.GetString(leftBlock.Members[0].Value));
    }

    [Fact]
    public async Task ChangesOfOneMember_InOneCallAndAcrossCallsOfABatch_LeaveTheLastOne()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block order");
        await using var storage = await database.StartAsync(o => { o.WriterCount = 1; o.MaxBatchSize = 3; o.MaxBatchDelay = UntilBatchIsFull; });

        var first = storage.WriteBlocksAsync(
        [
            BlockRowChange.Put("k", "gone", Bytes("1")),
            BlockRowChange.Delete("k", "gone"),
            BlockRowChange.Put("k", "kept", Bytes("1")),
            BlockRowChange.Put("k", "kept", Bytes("2")),
            BlockRowChange.Delete("k", "back"),
            BlockRowChange.Put("k", "back", Bytes("1")),
        ]);
        var second = storage.WriteBlocksAsync([BlockRowChange.Put("k", "later", Bytes("1")), BlockRowChange.Put("k", "kept", Bytes("3"))]);
        var third = storage.WriteBlocksAsync([BlockRowChange.Delete("k", "later"), BlockRowChange.Put("k", "back", Bytes("2"))]);
        await Task.WhenAll(first, second, third);
        var read = await storage.ReadBlockAsync("k");

        Assert.Equal(1, storage.CommittedBatches);
        Assert.Equal(["back", "kept"], Ids(read));
        Assert.Equal(["2", "3"], read.Members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => Encoding.UTF8.GetString(m.Value)));
    }

    [Fact]
    public async Task ManyChangesOfManyBlocks_InOneCall_AreAllStored()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block many");
        await using var storage = await database.StartAsync();
        var changes = new List<BlockRowChange>();
        for (var i = 0; i < 3000; i++)
        {
            changes.Add(BlockRowChange.Put($"block-{i % 50}", $"member-{i}", Bytes($"features of {i} ∙ ünïcode")));
        }

        changes.AddRange(Enumerable.Range(0, 50).Where(b => b % 10 == 0).Select(b => BlockRowChange.Cap($"block-{b}")));

        await storage.WriteBlocksAsync(changes);
        var block = await storage.ReadBlockAsync("block-20");

        Assert.Equal(3000L, await ScalarAsync<long>(database, "SELECT count(*) FROM cdm_block_member"));
        Assert.Equal(5L, await ScalarAsync<long>(database, "SELECT count(*) FROM cdm_block WHERE over_cap"));
        Assert.True(block.OverCap);
        Assert.Equal(60, block.Members.Count);
        Assert.Equal("features of 70 ∙ ünïcode", Encoding.UTF8.GetString(block.Members.Single(m => m.Key == "member-70").Value));
    }

    [Fact]
    public async Task BlockChanges_ShareTheBatchOfGrainStateWrites_AndFailWithIt()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block batch failure");
        await using var storage = await database.StartAsync(o => { o.WriterCount = 1; o.MaxBatchSize = 2; o.MaxBatchDelay = UntilBatchIsFull; });
        // The cap statement runs last in the batch; failing it must take back the state write and the member rows.
        await database.ExecuteAsync("""
            CREATE FUNCTION poison_block() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.block_key = 'poison' THEN RAISE EXCEPTION 'poisoned block'; END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER poison_block BEFORE INSERT ON cdm_block FOR EACH ROW EXECUTE FUNCTION poison_block();
            """);

        var state = storage.WriteStateAsync("profile", Grain("beside"), new GrainState<TestState>(new TestState { Name = "beside" }));
        var blocks = storage.WriteBlocksAsync([BlockRowChange.Put("poison", "m", Bytes("x")), BlockRowChange.Cap("poison")]);
        await Assert.ThrowsAsync<PostgresException>(() => blocks);
        await Assert.ThrowsAsync<PostgresException>(() => state);
        var afterFailure = await storage.ReadBlockAsync("poison");
        var stateAfterFailure = await ReadAsync(storage, Grain("beside"));

        await database.ExecuteAsync("DROP TRIGGER poison_block ON cdm_block");
        var retriedState = storage.WriteStateAsync("profile", Grain("beside"), new GrainState<TestState>(new TestState { Name = "beside" }));
        var retriedBlocks = storage.WriteBlocksAsync([BlockRowChange.Put("poison", "m", Bytes("x")), BlockRowChange.Cap("poison")]);
        await Task.WhenAll(retriedState, retriedBlocks);
        var afterRetry = await storage.ReadBlockAsync("poison");

        Assert.Same(StoredBlockRows.Empty, afterFailure);
        Assert.Equal(("", (string?)null), stateAfterFailure);
        Assert.Equal(1, storage.CommittedBatches);
        Assert.Equal(1, storage.CommittedWrites);
        Assert.True(afterRetry.OverCap);
        Assert.Equal(["m"], Ids(afterRetry));
        Assert.Equal(("beside", "1"), await ReadAsync(storage, Grain("beside")));
    }

    [Fact]
    public async Task ConcurrentBlockAndStateReads_AreGrouped_AndEachGetsItsOwnRows()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block grouped reads");
        await using (var setup = await database.StartAsync())
        {
            var changes = new List<BlockRowChange> { BlockRowChange.Cap("block-0") };
            for (var b = 0; b < 10; b++)
            {
                changes.AddRange(Enumerable.Range(0, b).Select(m => BlockRowChange.Put($"block-{b}", $"m{m}", Bytes($"{b}.{m}"))));
            }

            await setup.WriteBlocksAsync(changes);
            await setup.WriteStateAsync("profile", Grain("state"), new GrainState<TestState>(new TestState { Name = "state" }));
        }

        await using var storage = await database.StartAsync(o => o.ReaderCount = 1);
        // The same block more than once, blocks never written, and grain states, all queued at once.
        var blockReads = Enumerable.Range(0, 300).Select(i => storage.ReadBlockAsync($"block-{i % 12}")).ToList();
        var stateReads = Enumerable.Range(0, 100).Select(i => ReadAsync(storage, Grain(i % 2 == 0 ? "state" : "absent"))).ToList();
        var blocks = await Task.WhenAll(blockReads);
        var states = await Task.WhenAll(stateReads);

        for (var i = 0; i < blocks.Length; i++)
        {
            var b = i % 12;
            Assert.Equal(b == 0, blocks[i].OverCap);
            Assert.Equal(b < 10 ? b : 0, blocks[i].Members.Count);
            Assert.All(blocks[i].Members, m => Assert.Equal($"{b}.{m.Key[1..]}", Encoding.UTF8.GetString(m.Value)));
            if (b is 10 or 11)
            {
                Assert.Same(StoredBlockRows.Empty, blocks[i]);
            }
        }

        Assert.All(states.Where((_, i) => i % 2 == 0), s => Assert.Equal(("state", "1"), s));
        Assert.All(states.Where((_, i) => i % 2 == 1), s => Assert.Equal(("", (string?)null), s));
        Assert.Equal(400, storage.Reads);
        Assert.True(storage.ReadBatches < storage.Reads, $"expected fewer round trips than {storage.Reads} reads, got {storage.ReadBatches}");
    }

    [Fact]
    public async Task AMalformedChange_FailsItsCall_BeforeItIsQueued()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block malformed");
        await using var storage = await database.StartAsync();

        Assert.Throws<ArgumentException>(() => { _ = storage.WriteBlocksAsync([new BlockRowChange(BlockRowChangeKind.Put, "k", "m", null)]); });
        Assert.Throws<ArgumentException>(() => { _ = storage.WriteBlocksAsync([new BlockRowChange(BlockRowChangeKind.Delete, "k", null, null)]); });
        await storage.WriteBlocksAsync([]);

        Assert.Equal(0, storage.CommittedBatches);
        Assert.Same(StoredBlockRows.Empty, await storage.ReadBlockAsync("k"));
    }

    [Fact]
    public async Task AStoppedStorage_RefusesBlockWrites_AndTableBlockRowsKeepsTheChanges()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block stopped");
        var storage = await database.StartAsync();
        var rows = new TableBlockRows(storage);
        var block = await rows.ReadAsync("k");
        Add(block, "m", Features(1));
        await storage.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => rows.WriteAsync([block]));

        Assert.True(block.IsDirty);
        await using var restarted = await database.StartAsync();
        await new TableBlockRows(restarted).WriteAsync([block]);
        var read = await new TableBlockRows(restarted).ReadAsync("k");
        Assert.Equal(["m"], read.Membership.Members.Ids);
    }

    [Fact]
    public async Task Start_WithoutTheBlockTables_NamesThem()
    {
        var database = await GrainStateDatabase.CreateAsync("pg block no table");
        await database.ExecuteAsync("DROP TABLE cdm_block_member; DROP TABLE cdm_block");
        var storage = database.Create();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.StartAsync());

        Assert.Contains("cdm_block_member, cdm_block do not exist", error.Message);
        Assert.DoesNotContain("cdm_grain_state", error.Message);
    }


    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string[] Ids(StoredBlockRows block) => [.. block.Members.Select(m => m.Key).Order(StringComparer.Ordinal)];

    private static async Task<T> ScalarAsync<T>(GrainStateDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
