using Cdm.Grains.Blocking;

namespace Cdm.UnitTests.Blocking;

public sealed class BlockCacheTests
{
    [Fact]
    public void Trim_DropsTheLeastRecentlyUsedUntilTheBudgetHolds()
    {
        var cache = new BlockCache<string>(memberBudget: 10);
        cache.Add("a", "A", 4);
        cache.Add("b", "B", 4);
        cache.Add("c", "C", 4);
        Assert.True(cache.TryGet("a", out _));

        cache.Trim(static _ => true);

        Assert.Equal(8, cache.Members);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal("A", a);
    }

    [Fact]
    public void Trim_KeepsWhatMayNotBeDropped()
    {
        var cache = new BlockCache<string>(memberBudget: 1);
        cache.Add("pinned", "P", 5);
        cache.Add("free", "F", 5);

        cache.Trim(static b => b != "P");

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("pinned", out _));
    }

    [Fact]
    public void Resize_CountsTheMembersAgain()
    {
        var cache = new BlockCache<string>(memberBudget: 100);
        cache.Add("a", "A", 1);
        cache.Resize("a", 7);
        cache.Resize("unknown", 50);

        Assert.Equal(7, cache.Members);
        Assert.Throws<InvalidOperationException>(() => cache.Add("a", "A", 1));
    }
}
