using System.Collections.Immutable;
using Cdm.Grains.Blocking;
using Cdm.Grains.Blocking.Rows;
using Cdm.Silo.Storage;
using Cdm.Testing.Blocking;
using static Cdm.Testing.Blocking.BlockRowScenarios;

namespace Cdm.UnitTests.Storage;

/// <summary>
/// The two ways a block partition stores its blocks, each on the real SQLite storage: the block table and chunked
/// grain-state rows. Each case changes a block through <see cref="CachedBlock"/> as the partition does, writes it and
/// reads it back through a fresh instance.
/// </summary>
public sealed class BlockRowsTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    public static TheoryData<string> Layouts => new() { "table", "grain-state" };

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task AddedMembers_AreReadBackWithTheirFeatures(string layout)
    {
        await using var storage = await TestStorages.StartAsync(_database);
        var rows = RowsOf(storage, layout);
        var block = await rows.ReadAsync("sn:smith|1980");
        for (var i = 0; i < 20; i++)
        {
            Add(block, $"crm:{i}", Features(i));
        }

        await rows.WriteAsync([block]);
        var read = await RowsOf(storage, layout).ReadAsync("sn:smith|1980");

        Assert.Equal(20, read.Membership.Members.Count);
        Assert.True(read.Membership.Members.TryGet("crm:7", out var features));
        Assert.Equal("given-7", features["given_name"]);
        Assert.False(read.IsDirty);
        Assert.False(read.Membership.IsOverCap);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task RemovedAndReplacedMembers_StayThatWay(string layout)
    {
        await using var storage = await TestStorages.StartAsync(_database);
        var rows = RowsOf(storage, layout);
        var block = await rows.ReadAsync("fn:ann|2000");
        Add(block, "a", Features(1));
        Add(block, "b", Features(2));
        await rows.WriteAsync([block]);

        Assert.Equal(BlockMembershipChange.Removed, block.Remove("a"));
        Add(block, "b", Features(3));
        await rows.WriteAsync([block]);
        var read = await RowsOf(storage, layout).ReadAsync("fn:ann|2000");

        Assert.Equal(["b"], read.Membership.Members.Ids);
        Assert.True(read.Membership.Members.TryGet("b", out var features));
        Assert.Equal("given-3", features["given_name"]);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public async Task ABlockOverItsCap_IsReadBackOverIt(string layout)
    {
        await using var storage = await TestStorages.StartAsync(_database);
        var rows = RowsOf(storage, layout);
        await BlockRowScenarios.WriteCappedBlockAsync(rows, "pc:2000");
        var read = await RowsOf(storage, layout).ReadAsync("pc:2000");

        Assert.True(read.Membership.IsOverCap);
        Assert.Equal(2, read.Membership.Members.Count);
    }

    [Fact]
    public async Task TheTable_HoldsOneRowPerMember_AndTheCapApart()
    {
        await using var storage = await TestStorages.StartAsync(_database);
        var rows = new TableBlockRows(storage);
        await BlockRowScenarios.WriteTwoBlocksOneCappedAsync(rows);

        using var connection = _database.Open();
        Assert.Equal(3L, Scalar(connection, "SELECT count(*) FROM cdm_block_member"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM cdm_block WHERE block_key = 'k2' AND over_cap = 1"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM cdm_grain_state"));
    }

    [Fact]
    public async Task AFailedWrite_KeepsTheChangesForTheNextOne()
    {
        var storage = await TestStorages.StartAsync(_database);
        var rows = new TableBlockRows(storage);
        var block = await rows.ReadAsync("k");
        Add(block, "m", Features(1));
        await storage.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => rows.WriteAsync([block]));

        Assert.True(block.IsDirty);
        await using var restarted = await TestStorages.StartAsync(_database);
        await new TableBlockRows(restarted).WriteAsync([block]);
        var read = await new TableBlockRows(restarted).ReadAsync("k");
        Assert.Equal(["m"], read.Membership.Members.Ids);
    }

    [Fact]
    public async Task ADatabaseOfTheFirstSchema_GetsTheBlockTablesAtStart()
    {
        await (await TestStorages.StartAsync(_database)).DisposeAsync();
        using (var connection = _database.Open())
        {
            Execute(connection, "DROP TABLE cdm_block_member; DROP TABLE cdm_block; UPDATE cdm_schema SET version = 1");
        }

        await using var storage = await TestStorages.StartAsync(_database);
        var rows = new TableBlockRows(storage);
        var block = await rows.ReadAsync("k");
        Add(block, "m", Features(1));
        await rows.WriteAsync([block]);

        using var check = _database.Open();
        Assert.Equal((long)SqliteGrainStateSchema.Version, Scalar(check, "SELECT version FROM cdm_schema WHERE component = 'grain_state'"));
        Assert.Equal(1L, Scalar(check, "SELECT count(*) FROM cdm_block_member"));
    }

    private static IPartitionBlockRows RowsOf(SqliteGroupCommitGrainStorage storage, string layout) =>
        layout == "table" ? new TableBlockRows(storage) : new GrainStateBlockRows(storage);


    private static object? Scalar(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
