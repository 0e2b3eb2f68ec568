using Cdm.Contracts.Profiles;
using Cdm.Grains.Survivorship;
using static Cdm.UnitTests.Survivorship.TestRecords;

namespace Cdm.UnitTests.Survivorship;

public sealed class SourcePriorityTests
{
    [Fact]
    public void SourcePriority_WithoutList_PicksHighestTrustRank()
    {
        var record = Builder("phone", SurvivorshipRule.SourcePriority).Build([
            Version("shop", "s1", 9, ("phone", "+441111111111")),
            Version("crm", "c1", 1, ("phone", "+442222222222")),
        ]);

        var phone = Single(record, "phone");
        Assert.Equal("+442222222222", phone.Value);
        Assert.Equal(new ValueLineage("crm", "c1", Day(1), "source_priority"), phone.Lineage);
    }

    [Fact]
    public void SourcePriority_ExplicitListBeatsTrustRank()
    {
        var builder = Builder(options =>
        {
            options.Attributes["phone"] = SurvivorshipRule.SourcePriority;
            options.SourcePriority.AddRange(["broker", "shop"]);
        });

        var record = builder.Build([
            Version("crm", "c1", 9, ("phone", "+441111111111")),
            Version("shop", "s1", 3, ("phone", "+442222222222")),
            Version("broker", "b1", 1, ("phone", "+443333333333")),
        ]);

        Assert.Equal("+443333333333", Single(record, "phone").Value);
    }

    [Fact]
    public void SourcePriority_ListedSourceOutranksUnlisted()
    {
        var builder = Builder(options =>
        {
            options.Attributes["phone"] = SurvivorshipRule.SourcePriority;
            options.SourcePriority.Add("SHOP");
        });

        var record = builder.Build([
            Version("crm", "c1", 9, ("phone", "+441111111111")),
            Version("shop", "s1", 3, ("phone", "+442222222222")),
        ]);

        Assert.Equal("shop", Single(record, "phone").Lineage.Source);
    }

    [Fact]
    public void SourcePriority_EqualRank_PrefersZeroPartyOverThird()
    {
        var record = Builder("phone", SurvivorshipRule.SourcePriority).Build([
            Version("broker", "b1", 9, ("phone", "+441111111111")),
            Version("partner", "x1", 8, ("phone", "+442222222222")),
            Version("prefs", "p1", 1, ("phone", "+443333333333")),
        ]);

        Assert.Equal("prefs", Single(record, "phone").Lineage.Source);
    }

    [Fact]
    public void SourcePriority_SameSource_PicksMostRecent()
    {
        var record = Builder("phone", SurvivorshipRule.SourcePriority).Build([
            Version("crm", "c1", 2, ("phone", "+441111111111")),
            Version("crm", "c2", 4, ("phone", "+442222222222")),
            Version("shop", "s1", 9, ("phone", "+443333333333")),
        ]);

        Assert.Equal(new ValueLineage("crm", "c2", Day(4), "source_priority"), Single(record, "phone").Lineage);
    }

    [Fact]
    public void SourcePriority_UnknownSource_RanksAsFirstPartyRankZero()
    {
        // Unknown = first party, rank 0: above a third party of equal rank, below any ranked source.
        var builder = new GoldenRecordBuilder(
            new SurvivorshipOptions { DefaultRule = SurvivorshipRule.SourcePriority },
            new SourceRegistry(BrokerAtRankZero()));

        var overBroker = builder.Build([
            Version("broker", "b1", 9, ("phone", "+441111111111")),
            Version("newfeed", "n1", 1, ("phone", "+442222222222")),
        ]);
        var underShop = builder.Build([
            Version("shop", "s1", 1, ("phone", "+443333333333")),
            Version("newfeed", "n1", 9, ("phone", "+442222222222")),
        ]);

        Assert.Equal("newfeed", Single(overBroker, "phone").Lineage.Source);
        Assert.Equal("shop", Single(underShop, "phone").Lineage.Source);
    }

    private static SourceRegistryOptions BrokerAtRankZero()
    {
        var options = new SourceRegistryOptions();
        options.Sources["broker"] = new SourceOptions { Party = SourceParty.Third, TrustRank = 0 };
        options.Sources["shop"] = new SourceOptions { Party = SourceParty.First, TrustRank = 1 };
        return options;
    }
}
