using System.Text.Json;
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
        Assert.Single(block.Members);
    }

    [Fact]
    public void Add_ChangedFeatures_ReplacesThem()
    {
        var block = new BlockMembership();
        block.Add("p1", Features, BlockCapacity.Default);

        Assert.Equal(BlockMembershipChange.Added, block.Add("p1", new Dictionary<string, string> { ["last_name"] = "smyth" }, BlockCapacity.Default));
        Assert.Equal("smyth", block.Members["p1"]["last_name"]);
        Assert.False(block.Members["p1"].ContainsKey("birth_date"));
    }

    [Fact]
    public void Remove_IsIdempotent()
    {
        var block = new BlockMembership();
        block.Add("p1", Features, BlockCapacity.Default);

        Assert.Equal(BlockMembershipChange.Removed, block.Remove("p1"));
        Assert.Equal(BlockMembershipChange.Unchanged, block.Remove("p1"));
        Assert.Empty(block.Members);
    }

    [Fact]
    public void AtTheCap_NewMembersAreRefusedAndCountedOnce()
    {
        var capacity = new BlockCapacity(2);
        var block = new BlockMembership();
        block.Add("p1", Features, capacity);
        block.Add("p2", Features, capacity);
        Assert.False(block.IsOverCap);

        Assert.Equal(BlockMembershipChange.Refused, block.Add("p3", Features, capacity));
        Assert.Equal(BlockMembershipChange.Refused, block.Add("p3", Features, capacity));
        Assert.Equal(BlockMembershipChange.Refused, block.Add("p4", Features, capacity));

        Assert.True(block.IsOverCap);
        Assert.Equal(2, block.RefusedCount);
        Assert.Equal(["p1", "p2"], block.Members.Keys.Order());
        // A member already in keeps being updated at the cap.
        Assert.Equal(BlockMembershipChange.Added, block.Add("p1", new Dictionary<string, string> { ["last_name"] = "smyth" }, capacity));
    }

    [Fact]
    public void AfterARemoval_ARefusedMemberIsAdmitted()
    {
        var capacity = new BlockCapacity(1);
        var block = new BlockMembership();
        block.Add("p1", Features, capacity);
        block.Add("p2", Features, capacity);

        block.Remove("p1");

        Assert.Equal(BlockMembershipChange.Added, block.Add("p2", Features, capacity));
        Assert.Equal(0, block.RefusedCount);
        Assert.False(block.IsOverCap);
    }

    [Fact]
    public void DefaultCapacity_Is500()
    {
        var block = new BlockMembership();
        for (var i = 0; i < 501; i++)
        {
            block.Add($"p{i}", Features, BlockCapacity.Default);
        }

        Assert.Equal(BlockCapacity.DefaultMaxMembers, block.Members.Count);
        Assert.Equal(500, BlockCapacity.DefaultMaxMembers);
        Assert.Equal(1, block.RefusedCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Capacity_BelowOne_Throws(int max)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlockCapacity(max));
    }

    [Fact]
    public void RoundTripsThroughSystemTextJson()
    {
        var capacity = new BlockCapacity(1);
        var block = new BlockMembership();
        block.Add("p1", Features, capacity);
        block.Add("p2", Features, capacity);

        var json = JsonSerializer.Serialize(block);
        var copy = JsonSerializer.Deserialize<BlockMembership>(json)!;

        Assert.Equal("smith", copy.Members["p1"]["last_name"]);
        Assert.True(copy.IsOverCap);
        Assert.Equal(1, copy.RefusedCount);
        Assert.Equal(BlockMembershipChange.Unchanged, copy.Add("p1", Features, capacity));
        Assert.Equal(BlockMembershipChange.Refused, copy.Add("p2", Features, capacity));
        Assert.Equal(1, copy.RefusedCount);
    }

    [Fact]
    public void Options_GiveTheCapacity()
    {
        Assert.Equal(BlockCapacity.DefaultMaxMembers, new BlockingOptions().ToCapacity().MaxMembers);
        Assert.Equal(20, new BlockingOptions { MaxBlockSize = 20 }.ToCapacity().MaxMembers);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlockingOptions { MaxBlockSize = 0 }.ToCapacity());
    }
}
