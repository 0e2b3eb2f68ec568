using Cdm.Grains.Blocking;

namespace Cdm.UnitTests.Blocking;

public sealed class BlockPartitionsTests
{
    [Fact]
    public void Of_IsStableAcrossProcesses()
    {
        // Fixed values: a hash that changed between processes or releases would lose every stored block's partition.
        // The values are FNV-1a (64 bits) of the UTF-16 units, worked out by hand.
        Assert.Equal(190, BlockPartitions.Of("b:1:SMT:1980", 256));
        Assert.Equal(2, BlockPartitions.Of("b:1:SMT:1980", 7));
        Assert.Equal(128, BlockPartitions.Of("e:jane.doe", 256));
    }

    [Fact]
    public void Of_SpreadsKeysOverThePartitions()
    {
        var counts = new int[16];
        for (var i = 0; i < 16_000; i++)
        {
            counts[BlockPartitions.Of($"b:3:{i}", 16)]++;
        }

        Assert.All(counts, c => Assert.InRange(c, 800, 1_200));
    }

    [Fact]
    public void Of_RefusesNoPartitions()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockPartitions.Of("b:1:x", 0));
    }
}
