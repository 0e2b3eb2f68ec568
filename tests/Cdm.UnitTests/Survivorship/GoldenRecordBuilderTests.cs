using Cdm.Contracts.Records;
using Cdm.Grains.Survivorship;
using static Cdm.UnitTests.Survivorship.TestRecords;

namespace Cdm.UnitTests.Survivorship;

public sealed class GoldenRecordBuilderTests
{
    [Fact]
    public void Build_NoVersions_ReturnsEmptyRecord()
    {
        var record = Builder().Build([]);

        Assert.True(record.IsEmpty, $"expected an empty golden record, got {record.Length} values");
    }

    [Fact]
    public void Build_OneValuePerAttribute_SortedOrdinally()
    {
        var record = Builder().Build([
            Version("crm", "c1", 1, ("email", "a@example.com"), ("loyalty_tier", "gold"), ("Zone", "north")),
            Version("shop", "s1", 2, ("email", "b@example.com"), ("city", "York")),
        ]);

        Assert.Equal(["Zone", "city", "email", "loyalty_tier"], record.Select(value => value.Attribute));
    }

    [Fact]
    public void Build_BlankValue_NeverBeatsARealOne()
    {
        var record = Builder().Build([
            Version("crm", "c1", 9, ("gender", "   "), ("nickname", "")),
            Version("shop", "s1", 1, ("gender", "female")),
        ]);

        Assert.Equal("female", Single(record, "gender").Value);
        Assert.DoesNotContain(record, value => value.Attribute == "nickname");
    }

    [Fact]
    public void Build_DefaultRule_AppliesToAttributesWithoutRule()
    {
        var builder = Builder(options =>
        {
            options.DefaultRule = SurvivorshipRule.MostComplete;
            options.Attributes["email"] = SurvivorshipRule.MostRecent;
        });

        var record = builder.Build([
            Version("crm", "c1", 1, ("email", "long.old@example.com"), ("first_name", "Katherine")),
            Version("shop", "s1", 9, ("email", "new@example.com"), ("first_name", "Kate")),
        ]);

        Assert.Equal("Katherine", Single(record, "first_name").Value);
        Assert.Equal("most_complete", Single(record, "first_name").Lineage.Rule);
        Assert.Equal("new@example.com", Single(record, "email").Value);
    }

    [Fact]
    public void Build_AttributeRules_MatchNamesCaseInsensitively()
    {
        var record = Builder("LAST_NAME", SurvivorshipRule.MostFrequent).Build([
            Version("crm", "c1", 1, ("last_name", "Lee")),
            Version("crm", "c2", 2, ("last_name", "Lee")),
            Version("shop", "s1", 9, ("last_name", "Li")),
        ]);

        Assert.Equal("Lee", Single(record, "last_name").Value);
    }

    [Fact]
    public void Build_AcceptsCollectionsThatAreNotLists()
    {
        var versions = new HashSet<RecordVersion>
        {
            Version("crm", "c1", 1, ("email", "old@example.com")),
            Version("shop", "s1", 2, ("email", "new@example.com")),
        };

        Assert.Equal("new@example.com", Single(Builder().Build(versions), "email").Value);
    }

    [Fact]
    public void Build_Repeated_DoesNotCarryStateBetweenCalls()
    {
        var builder = Builder("last_name", SurvivorshipRule.MostFrequent);
        var large = Enumerable.Range(0, 40)
            .Select(i => Version("shop", $"s{i}", i, ("last_name", "Lee"), ("address_line1", $"{i} Elm Rd"), ($"extra_{i}", "x")))
            .ToList();
        builder.Build(large);

        var record = builder.Build([
            Version("crm", "c1", 1, ("last_name", "Li"), ("city", "York")),
        ]);

        Assert.Equal(["city", "last_name"], record.Select(value => value.Attribute));
        Assert.All(record, value => Assert.Equal("c1", value.Lineage.RecordId));
    }

    [Fact]
    public void Build_IsSafeFromManyThreadsAtOnce()
    {
        var builder = Builder("last_name", SurvivorshipRule.MostFrequent);
        var versions = Enumerable.Range(0, 12)
            .Select(i => Version(i % 3 == 0 ? "crm" : "shop", $"r{i}", i % 5, ("last_name", i % 2 == 0 ? "Lee" : "Li"), ("email", $"{i}@example.com")))
            .ToList();
        var expected = builder.Build(versions);

        var results = new System.Collections.Concurrent.ConcurrentBag<bool>();
        Parallel.For(0, 2000, i => results.Add(builder.Build(versions).SequenceEqual(expected)));

        Assert.All(results, Assert.True);
    }

    [Theory]
    [InlineData(SurvivorshipRule.SourcePriority, "source_priority")]
    [InlineData(SurvivorshipRule.MostRecent, "most_recent")]
    [InlineData(SurvivorshipRule.MostFrequent, "most_frequent")]
    [InlineData(SurvivorshipRule.MostComplete, "most_complete")]
    public void Lineage_NamesRuleInSnakeCase(SurvivorshipRule rule, string name)
    {
        var record = Builder("email", rule).Build([Version("crm", "c1", 1, ("email", "a@example.com"))]);

        Assert.Equal(name, Single(record, "email").Lineage.Rule);
        Assert.Equal($"{name}/address_group", SurvivorshipRuleNames.ForGroup(rule, "address"));
    }
}
