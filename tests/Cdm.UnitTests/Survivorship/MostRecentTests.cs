using Cdm.Contracts.Profiles;
using Cdm.Grains.Survivorship;
using static Cdm.UnitTests.Survivorship.TestRecords;

namespace Cdm.UnitTests.Survivorship;

public sealed class MostRecentTests
{
    private readonly GoldenRecordBuilder _builder = Builder("email", SurvivorshipRule.MostRecent);

    [Fact]
    public void MostRecent_PicksLatestObservedAt()
    {
        var record = _builder.Build([
            Version("crm", "c1", 5, ("email", "old@example.com")),
            Version("shop", "s1", 7, ("email", "new@example.com")),
            Version("broker", "b1", 6, ("email", "middle@example.com")),
        ]);

        var email = Single(record, "email");
        Assert.Equal("new@example.com", email.Value);
        Assert.Equal(new ValueLineage("shop", "s1", Day(7), "most_recent"), email.Lineage);
    }

    [Fact]
    public void MostRecent_TieOnObservedAt_PicksMoreTrustedSource()
    {
        var record = _builder.Build([
            Version("shop", "s1", 5, ("email", "shop@example.com")),
            Version("crm", "c1", 5, ("email", "crm@example.com")),
        ]);

        Assert.Equal("crm@example.com", Single(record, "email").Value);
    }

    [Fact]
    public void MostRecent_TieOnObservedAtAndRank_PrefersLowerParty()
    {
        var record = _builder.Build([
            Version("broker", "b1", 5, ("email", "bought@example.com")),
            Version("prefs", "p1", 5, ("email", "told@example.com")),
            Version("partner", "x1", 5, ("email", "partner@example.com")),
        ]);

        Assert.Equal("told@example.com", Single(record, "email").Value);
    }

    [Fact]
    public void MostRecent_FullTie_PicksLowerSourceKey()
    {
        var record = _builder.Build([
            Version("shop", "s2", 5, ("email", "second@example.com")),
            Version("shop", "s1", 5, ("email", "first@example.com")),
        ]);

        Assert.Equal(new ValueLineage("shop", "s1", Day(5), "most_recent"), Single(record, "email").Lineage);
    }

    [Fact]
    public void MostRecent_FullTie_ComparesWholeSourceKeyOrdinally()
    {
        // "src:feed2:1" sorts before "src:feed:1" because '2' sorts before ':'; comparing the source
        // names alone would pick "feed".
        var record = _builder.Build([
            Version("feed", "1", 5, ("email", "feed@example.com")),
            Version("feed2", "1", 5, ("email", "feed2@example.com")),
        ]);

        Assert.Equal("feed2@example.com", Single(record, "email").Value);
    }

    [Fact]
    public void MostRecent_IsTheDefaultRule()
    {
        var record = Builder().Build([
            Version("crm", "c1", 9, ("nickname", "Bobby")),
            Version("crm", "c2", 2, ("nickname", "Robert")),
        ]);

        Assert.Equal(new ValueLineage("crm", "c1", Day(9), "most_recent"), Single(record, "nickname").Lineage);
    }
}
