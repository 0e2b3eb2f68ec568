using Cdm.Grains.Survivorship;

namespace Cdm.UnitTests.Survivorship;

public sealed class SurvivorshipOptionsTests
{
    [Fact]
    public void Defaults_MostRecent_WithCompleteAddressGroup()
    {
        var options = new SurvivorshipOptions();

        Assert.Equal(SurvivorshipRule.MostRecent, options.DefaultRule);
        Assert.Empty(options.Attributes);
        Assert.Empty(options.SourcePriority);
        var address = Assert.Single(options.Groups);
        Assert.Equal("address", address.Key);
        Assert.Equal(SurvivorshipRule.MostComplete, address.Value.Rule);
        Assert.Equal(["address_line1", "address_line2", "city", "postcode", "region", "country"], address.Value.Attributes);
    }

    [Fact]
    public void Constructor_RejectsAttributeInTwoGroups()
    {
        var options = new SurvivorshipOptions();
        options.Groups["delivery"] = new SurvivorshipGroupOptions { Attributes = ["city", "delivery_note"] };

        var error = Assert.Throws<ArgumentException>(() => new GoldenRecordBuilder(options, TestRecords.Sources()));

        Assert.Contains("'city'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RejectsOwnRuleForGroupedAttribute()
    {
        var options = new SurvivorshipOptions();
        options.Attributes["postcode"] = SurvivorshipRule.MostFrequent;

        var error = Assert.Throws<ArgumentException>(() => new GoldenRecordBuilder(options, TestRecords.Sources()));

        Assert.Contains("group 'address'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RejectsUndefinedRule()
    {
        var options = new SurvivorshipOptions { DefaultRule = (SurvivorshipRule)42 };

        var error = Assert.Throws<ArgumentException>(() => new GoldenRecordBuilder(options, TestRecords.Sources()));

        Assert.Contains("Cdm:Survivorship:DefaultRule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_IgnoresDuplicateGroupAttributes()
    {
        // Configuration binding appends to the default list, so the defaults can arrive twice.
        var options = new SurvivorshipOptions();
        options.Groups["address"].Attributes.AddRange(["city", "postcode"]);

        var builder = new GoldenRecordBuilder(options, TestRecords.Sources());

        Assert.Equal("most_complete/address_group", TestRecords.Single(builder.Build([TestRecords.Version("crm", "c1", 1, ("city", "York"))]), "city").Lineage.Rule);
    }
}
