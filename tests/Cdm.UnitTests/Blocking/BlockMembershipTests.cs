using Cdm.Grains.Blocking;

namespace Cdm.UnitTests.Blocking;

public sealed class BlockMembershipTests
{
    private static readonly Dictionary<string, string> Features = new() { ["last_name"] = "smith", ["birth_date"] = "1980-01-02" };

    [Fact]
    public void Add_IsIdempotent()
    {
        var block = new BlockMembership();

        Assert.Equal(BlockMembershipChange.Added, block.Add("p1", Features, BlockCapacity.Default));
        Assert.Equal(BlockMembershipChange.Unchanged, block.Add("p1", new Dictionary<string, string>(Features), BlockCapacity.Default));
        Assert.Equal(1, block.Members.Count);
    }

    [Fact]
    public void Add_ChangedFeatures_ReplacesThem()
    {
        var block = new BlockMembership();
        block.Add("p1", Features, BlockCapacity.Default);

        Assert.Equal(BlockMembershipChange.Added, block.Add("p1", new Dictionary<string, string> { ["last_name"] = "smyth" }, BlockCapacity.Default));
        Assert.True(block.Members.TryGet("p1", out var features));
        Assert.Equal("smyth", features["last_name"]);
        Assert.False(features.ContainsKey("birth_date"));
    }

    [Fact]
    public void Remove_IsIdempotent()
    {
        var block = new BlockMembership();
        block.Add("p1", Features, BlockCapacity.Default);

        Assert.Equal(BlockMembershipChange.Removed, block.Remove("p1"));
        Assert.Equal(BlockMembershipChange.Unchanged, block.Remove("p1"));
        Assert.Equal(0, block.Members.Count);
    }

    [Fact]
    public void AtTheCap_NewMembersAreRefused_AndTheFirstRefusalCapsTheBlock()
    {
        var capacity = new BlockCapacity(2);
        var block = new BlockMembership();
        block.Add("p1", Features, capacity);
        block.Add("p2", Features, capacity);
        Assert.False(block.IsOverCap);

        Assert.Equal(BlockMembershipChange.Capped, block.Add("p3", Features, capacity));
        Assert.Equal(BlockMembershipChange.Refused, block.Add("p3", Features, capacity));
        Assert.Equal(BlockMembershipChange.Refused, block.Add("p4", Features, capacity));

        Assert.True(block.IsOverCap);
        Assert.True(block.Header.OverCap);
        Assert.Equal(["p1", "p2"], block.Members.Ids.Order());
        // A member already in keeps being updated at the cap.
        Assert.Equal(BlockMembershipChange.Added, block.Add("p1", new Dictionary<string, string> { ["last_name"] = "smyth" }, capacity));
    }

    [Fact]
    public void AfterARemoval_ACappedBlockStaysCapped()
    {
        var capacity = new BlockCapacity(1);
        var block = new BlockMembership();
        block.Add("p1", Features, capacity);
        block.Add("p2", Features, capacity);

        Assert.Equal(BlockMembershipChange.Removed, block.Remove("p1"));

        Assert.Equal(BlockMembershipChange.Refused, block.Add("p2", Features, capacity));
        Assert.True(block.IsOverCap);
        Assert.Equal(0, block.Members.Count);
    }

    [Fact]
    public void DefaultCapacity_Is500()
    {
        var block = new BlockMembership();
        var changes = new List<BlockMembershipChange>();
        for (var i = 0; i < 502; i++)
        {
            changes.Add(block.Add($"p{i}", Features, BlockCapacity.Default));
        }

        Assert.Equal(BlockCapacity.DefaultMaxMembers, block.Members.Count);
        Assert.Equal(500, BlockCapacity.DefaultMaxMembers);
        Assert.Equal([BlockMembershipChange.Capped, BlockMembershipChange.Refused], changes.Skip(500));
    }

    [Fact]
    public void MembersAreStoredInChunks()
    {
        var block = new BlockMembership();
        for (var i = 0; i < 40; i++)
        {
            block.Add($"p{i}", Features, BlockCapacity.Default);
        }

        Assert.Equal((40 + BlockMembership.DefaultChunkSize - 1) / BlockMembership.DefaultChunkSize, block.Members.ChunkCount);
        Assert.Equal(BlockMembership.DefaultChunkSize, block.Members.ChunkSize);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Capacity_BelowOne_Throws(int max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlockCapacity(max));
    }

    [Fact]
    public void Options_GiveTheCapacity()
    {
        Assert.Equal(BlockCapacity.DefaultMaxMembers, new BlockingOptions().ToCapacity().MaxMembers);
        Assert.Equal(20, new BlockingOptions { MaxBlockSize = 20 }.ToCapacity().MaxMembers);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlockingOptions { MaxBlockSize = 0 }.ToCapacity());
    }
}
