using Cdm.Contracts.Profiles;
using Cdm.Grains.Survivorship;
using static Cdm.UnitTests.Survivorship.TestRecords;

namespace Cdm.UnitTests.Survivorship;

public sealed class GroupSurvivorshipTests
{
    [Fact]
    public void AddressGroup_SurvivesWholeFromMostCompleteVersion()
    {
        var record = Builder().Build([
            Version("crm", "c1", 9, ("address_line1", "1 Long Street Apartment 4"), ("city", "Leeds")),
            Version("shop", "s1", 1, ("address_line1", "2 Elm Rd"), ("city", "York"), ("postcode", "YO1 7HH")),
        ]);

        var expected = new ValueLineage("shop", "s1", Day(1), "most_complete/address_group");
        GoldenValue[] values =
        [
            new("address_line1", "2 Elm Rd", expected),
            new("city", "York", expected),
            new("postcode", "YO1 7HH", expected),
        ];
        // As arrays: ImmutableArray's own Equals compares references, not contents.
        Assert.Equal(values, record.ToArray());
    }

    [Fact]
    public void AddressGroup_EqualFieldCount_PicksLongestTotal()
    {
        var record = Builder().Build([
            Version("crm", "c1", 9, ("address_line1", "1 Elm Rd"), ("city", "York")),
            Version("shop", "s1", 1, ("address_line1", "1 Elm Road"), ("city", "York")),
        ]);

        Assert.Equal("1 Elm Road", Single(record, "address_line1").Value);
        Assert.Equal("shop", Single(record, "city").Lineage.Source);
    }

    [Fact]
    public void AddressGroup_FullTie_PicksMostRecent()
    {
        var record = Builder().Build([
            Version("crm", "c1", 3, ("address_line1", "1 Elm Rd"), ("city", "York")),
            Version("shop", "s1", 8, ("address_line1", "9 Oak Rd"), ("city", "Bath")),
        ]);

        Assert.Equal(new ValueLineage("shop", "s1", Day(8), "most_complete/address_group"), Single(record, "city").Lineage);
    }

    [Fact]
    public void Group_FieldsTheChosenVersionLacks_AreNotBorrowed()
    {
        var builder = Builder(options => options.Groups["address"].Rule = SurvivorshipRule.MostRecent);

        var record = builder.Build([
            Version("crm", "c1", 1, ("address_line1", "1 Elm Rd"), ("address_line2", "Flat 2"), ("city", "York"), ("country", "GB")),
            Version("shop", "s1", 5, ("address_line1", "9 Oak Rd"), ("city", "Bath"), ("country", "  ")),
        ]);

        Assert.Equal(["address_line1", "city"], record.Select(value => value.Attribute));
        Assert.All(record, value => Assert.Equal(new ValueLineage("shop", "s1", Day(5), "most_recent/address_group"), value.Lineage));
    }

    [Fact]
    public void Group_MostFrequent_ComparesWholeGroup()
    {
        var builder = Builder(options => options.Groups["address"].Rule = SurvivorshipRule.MostFrequent);

        // Three members say York, but only two give the same whole address.
        var record = builder.Build([
            Version("crm", "c1", 1, ("address_line1", "1 Elm Rd"), ("city", "York")),
            Version("shop", "s1", 2, ("address_line1", "1 ELM RD "), ("city", "york")),
            Version("partner", "x1", 9, ("address_line1", "7 Ash Way"), ("city", "York")),
            Version("broker", "b1", 8, ("address_line1", "1 Elm Rd"), ("city", "York"), ("postcode", "YO1 7HH")),
        ]);

        Assert.Equal("1 ELM RD ", Single(record, "address_line1").Value);
        Assert.Equal(new ValueLineage("shop", "s1", Day(2), "most_frequent/address_group"), Single(record, "city").Lineage);
        Assert.DoesNotContain(record, value => value.Attribute == "postcode");
    }

    [Fact]
    public void CustomGroup_NamesItselfInLineage_AndLeavesOtherAttributesAlone()
    {
        var builder = Builder(options =>
            options.Groups["name"] = new SurvivorshipGroupOptions { Attributes = ["first_name", "last_name"], Rule = SurvivorshipRule.SourcePriority });

        var record = builder.Build([
            Version("crm", "c1", 1, ("first_name", "Ann"), ("last_name", "Lee"), ("email", "ann@crm.example")),
            Version("shop", "s1", 5, ("first_name", "Anne"), ("email", "ann@shop.example")),
        ]);

        Assert.Equal(new ValueLineage("crm", "c1", Day(1), "source_priority/name_group"), Single(record, "first_name").Lineage);
        Assert.Equal("Lee", Single(record, "last_name").Value);
        Assert.Equal(new ValueLineage("shop", "s1", Day(5), "most_recent"), Single(record, "email").Lineage);
    }

    [Fact]
    public void Group_FlagOnOneField_LosesWholeVersionToCleanAddress()
    {
        var record = Builder().Build([
            Version("crm", "c1", 9, ("address_line1", "1 Long Street"), ("postcode", "NOT A CODE"), ("city", "Leeds")).Flagged("postcode"),
            Version("shop", "s1", 1, ("address_line1", "2 Elm Rd"), ("city", "York")),
        ]);

        Assert.Equal(["address_line1", "city"], record.Select(value => value.Attribute));
        Assert.Equal("York", Single(record, "city").Value);
    }

    [Fact]
    public void Group_OnlyFlaggedAddresses_StillSurvives()
    {
        var record = Builder().Build([
            Version("crm", "c1", 9, ("address_line1", "1 Long Street"), ("postcode", "NOT A CODE")).Flagged("postcode"),
            Version("shop", "s1", 1, ("address_line1", "2 Elm Rd"), ("postcode", "??")).Flagged("postcode"),
        ]);

        Assert.Equal("NOT A CODE", Single(record, "postcode").Value);
        Assert.Equal("crm", Single(record, "address_line1").Lineage.Source);
    }
}
