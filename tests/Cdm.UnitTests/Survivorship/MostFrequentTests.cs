using Cdm.Contracts.Profiles;
using Cdm.Grains.Survivorship;
using static Cdm.UnitTests.Survivorship.TestRecords;

namespace Cdm.UnitTests.Survivorship;

public sealed class MostFrequentTests
{
    private readonly GoldenRecordBuilder _builder = Builder("last_name", SurvivorshipRule.MostFrequent);

    [Fact]
    public void MostFrequent_PicksValueMostMembersHold()
    {
        var record = _builder.Build([
            Version("crm", "c1", 1, ("last_name", "Smith")),
            Version("shop", "s1", 2, ("last_name", "Smith")),
            Version("broker", "b1", 9, ("last_name", "Smyth")),
        ]);

        var lastName = Single(record, "last_name");
        Assert.Equal("Smith", lastName.Value);
        Assert.Equal(new ValueLineage("shop", "s1", Day(2), "most_frequent"), lastName.Lineage);
    }

    [Fact]
    public void MostFrequent_ComparesTrimmedCaseInsensitive_ReportsMostRecentHolder()
    {
        var record = _builder.Build([
            Version("crm", "c1", 1, ("last_name", "SMITH")),
            Version("shop", "s1", 3, ("last_name", " smith ")),
            Version("partner", "x1", 2, ("last_name", "Smith")),
            Version("broker", "b1", 9, ("last_name", "Jones")),
            Version("prefs", "p1", 8, ("last_name", "Jones")),
        ]);

        var lastName = Single(record, "last_name");
        Assert.Equal(" smith ", lastName.Value);
        Assert.Equal(new ValueLineage("shop", "s1", Day(3), "most_frequent"), lastName.Lineage);
    }

    [Fact]
    public void MostFrequent_Tie_PicksValueWithMostRecentHolder()
    {
        var record = _builder.Build([
            Version("crm", "c1", 1, ("last_name", "Smith")),
            Version("crm", "c2", 6, ("last_name", "Smith")),
            Version("shop", "s1", 5, ("last_name", "Jones")),
            Version("shop", "s2", 7, ("last_name", "Jones")),
        ]);

        Assert.Equal(new ValueLineage("shop", "s2", Day(7), "most_frequent"), Single(record, "last_name").Lineage);
    }
}
