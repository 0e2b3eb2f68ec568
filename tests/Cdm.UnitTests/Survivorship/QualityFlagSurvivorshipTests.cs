using Cdm.Contracts.Profiles;
using Cdm.Grains.Survivorship;
using static Cdm.UnitTests.Survivorship.TestRecords;

namespace Cdm.UnitTests.Survivorship;

public sealed class QualityFlagSurvivorshipTests
{
    [Theory]
    [InlineData(SurvivorshipRule.MostRecent)]
    [InlineData(SurvivorshipRule.SourcePriority)]
    [InlineData(SurvivorshipRule.MostFrequent)]
    [InlineData(SurvivorshipRule.MostComplete)]
    public void FlaggedValue_LosesToAnyCleanValue(SurvivorshipRule rule)
    {
        // The flagged values would win every rule: newest, most trusted, most frequent and longest.
        var record = Builder("birth_date", rule).Build([
            Version("crm", "c1", 9, ("birth_date", "1990-02-30 (as typed)")).Flagged("birth_date"),
            Version("crm", "c2", 8, ("birth_date", "1990-02-30 (as typed)")).Flagged("birth_date"),
            Version("broker", "b1", 1, ("birth_date", "1990-03-01")),
        ]);

        Assert.Equal(
            new GoldenValue("birth_date", "1990-03-01", new ValueLineage("broker", "b1", Day(1), SurvivorshipRuleNames.For(rule))),
            Single(record, "birth_date"));
    }

    [Fact]
    public void FlaggedValue_SurvivesWhenNoCleanValueExists_ByTheRule()
    {
        var record = Builder("birth_date", SurvivorshipRule.MostRecent).Build([
            Version("crm", "c1", 2, ("birth_date", "1990-13-01")).Flagged("birth_date"),
            Version("shop", "s1", 6, ("birth_date", "1990-14-01")).Flagged("birth_date"),
        ]);

        Assert.Equal("1990-14-01", Single(record, "birth_date").Value);
    }

    [Fact]
    public void FlagOnAnotherAttribute_DoesNotAffectThisOne()
    {
        var record = Builder().Build([
            Version("crm", "c1", 9, ("email", "new@example.com"), ("phone", "12")).Flagged("phone"),
            Version("shop", "s1", 1, ("email", "old@example.com"), ("phone", "+441111111111")),
        ]);

        Assert.Equal("new@example.com", Single(record, "email").Value);
        Assert.Equal("+441111111111", Single(record, "phone").Value);
    }
}
