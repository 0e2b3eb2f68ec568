using Cdm.Contracts.Profiles;
using Cdm.Grains.Survivorship;
using static Cdm.UnitTests.Survivorship.TestRecords;

namespace Cdm.UnitTests.Survivorship;

public sealed class MostCompleteTests
{
    private readonly GoldenRecordBuilder _builder = Builder("full_name", SurvivorshipRule.MostComplete);

    [Fact]
    public void MostComplete_PicksLongestValue()
    {
        var record = _builder.Build([
            Version("crm", "c1", 9, ("full_name", "Ann Lee")),
            Version("broker", "b1", 1, ("full_name", "Ann Marie Lee")),
        ]);

        var fullName = Single(record, "full_name");
        Assert.Equal("Ann Marie Lee", fullName.Value);
        Assert.Equal(new ValueLineage("broker", "b1", Day(1), "most_complete"), fullName.Lineage);
    }

    [Fact]
    public void MostComplete_Tie_PicksMostRecent()
    {
        var record = _builder.Build([
            Version("crm", "c1", 2, ("full_name", "Ann Lee")),
            Version("shop", "s1", 4, ("full_name", "Ann Lea")),
        ]);

        Assert.Equal("Ann Lea", Single(record, "full_name").Value);
    }

    [Fact]
    public void MostComplete_MeasuresTrimmedValues()
    {
        var record = _builder.Build([
            Version("crm", "c1", 2, ("full_name", "Ann Lee          ")),
            Version("shop", "s1", 1, ("full_name", "Ann B. Lee")),
        ]);

        Assert.Equal("Ann B. Lee", Single(record, "full_name").Value);
    }
}
