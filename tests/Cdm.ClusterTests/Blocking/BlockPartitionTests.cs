using System.Collections.Immutable;
using Cdm.Grains.Blocking;

namespace Cdm.ClusterTests.Blocking;

/// <summary>Block partitions on the shared cluster, whose cache is too small to keep a block of this test.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BlockPartitionTests(ClusterFixture fixture)
{
    private readonly string prefix = "b:test:" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ABlockOfManyChunks_ReadBackFromStorage_GivesEveryMemberWithItsFeatures()
    {
        var (block, other, partition) = TwoKeysOfOnePartition();
        for (var i = 0; i < 40; i++)
        {
            var earlier = await partition.ExchangeAsync([block], $"m{i:00}", Features(i));
            Assert.Equal(i, earlier[0].Members.Length);
        }

        // Another block of the partition is used: the first, clean and over the cache's budget, is dropped.
        await partition.ExchangeAsync([other], "x", Features(99));

        var candidates = await partition.ExchangeAsync([block], "m40", Features(40));

        var members = candidates[0].Members.ToDictionary(static m => m.MemberId, static m => m.Features["n"]);
        Assert.Equal(40, members.Count);
        Assert.All(Enumerable.Range(0, 40), i => Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), members[$"m{i:00}"]));
        Assert.False(candidates[0].OverCap);
    }

    [Fact]
    public async Task ConcurrentExchanges_SeeEachPairExactlyOnce()
    {
        var (block, _, partition) = TwoKeysOfOnePartition();

        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => partition.ExchangeAsync([block], $"c{i:00}", Features(i))));

        // Of any two members, exactly one saw the other: 60 members make 60 * 59 / 2 pairs.
        var seen = answers.Select((a, i) => a[0].Members.Select(m => (Later: $"c{i:00}", Earlier: m.MemberId))).SelectMany(static p => p).ToList();
        Assert.Equal(60 * 59 / 2, seen.Count);
        Assert.Equal(seen.Count, seen.Select(static p => string.CompareOrdinal(p.Later, p.Earlier) < 0 ? (p.Later, p.Earlier) : (p.Earlier, p.Later)).Distinct().Count());
        Assert.Equal(60, (await partition.GetMembersAsync(block)).Members.Length);
    }

    [Fact]
    public async Task ARemovedMember_IsGoneAfterTheBlockIsReadBack()
    {
        var (block, other, partition) = TwoKeysOfOnePartition();
        for (var i = 0; i < 20; i++)
        {
            await partition.ExchangeAsync([block], $"r{i:00}", Features(i));
        }

        await partition.RemoveAsync([block], "r07");
        await partition.ExchangeAsync([other], "x", Features(99));

        var members = (await partition.GetMembersAsync(block)).Members.Select(static m => m.MemberId).ToList();
        Assert.Equal(19, members.Count);
        Assert.DoesNotContain("r07", members);
    }

    private (string Block, string Other, IBlockPartitionGrain Partition) TwoKeysOfOnePartition()
    {
        var block = prefix + ":a";
        var number = BlockPartitions.Of(block, ClusterFixture.BlockPartitions);
        var other = Enumerable.Range(0, 1_000).Select(i => $"{prefix}:o{i}").First(k => BlockPartitions.Of(k, ClusterFixture.BlockPartitions) == number);
        return (block, other, fixture.Grains.GetGrain<IBlockPartitionGrain>(number));
    }

    private static ImmutableDictionary<string, string> Features(int n) =>
        ImmutableDictionary<string, string>.Empty.Add("n", n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Add("last_name", "block test");
}
