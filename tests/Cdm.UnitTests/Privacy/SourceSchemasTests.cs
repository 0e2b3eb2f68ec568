using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Cdm.Grains.Privacy;
using Cdm.Grains.Survivorship;

namespace Cdm.UnitTests.Privacy;

public sealed class SourceSchemasTests
{
    private static SourceSchemas Schemas()
    {
        var options = new SourceRegistryOptions();
        options.Sources["shop"] = new SourceOptions { Attributes = ["email", "first_name"], Identifiers = ["loyalty_id"] };
        options.Sources["partner"] = new SourceOptions { Attributes = ["email"], Unlisted = UnlistedPolicy.Reject };
        options.Sources["crm"] = new SourceOptions { TrustRank = 5 };
        return new SourceSchemas(options);
    }

    private static IncomingRecord Record(string source, params (string Type, string Value)[] identifiers) => new(
        source,
        "1",
        null,
        ImmutableDictionary<string, string>.Empty.Add("email", "a@b.com").Add("first_name", "Ada").Add("birth_date", "1990-01-01").Add("religion", "none"),
        [.. identifiers.Select(i => new ExternalIdentifier(i.Type, i.Value))]);

    [Fact]
    public void Drop_KeepsOnlyTheSchema_AndFlagsEachDroppedName()
    {
        var minimised = Schemas().Apply(Record("SHOP", ("loyalty_id", "L1"), ("national_id", "123"), ("national_id", "456")));

        Assert.Equal(["email", "first_name"], minimised.Record!.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["loyalty_id"], minimised.Record.Identifiers.Select(i => i.Type));
        Assert.Equal(["birth_date", "religion", "identifiers.national_id"], minimised.Dropped.Select(f => f.Attribute));
        Assert.All(minimised.Dropped, f => Assert.Equal(SourceSchemas.DroppedIssue, f.Issue));
        Assert.Empty(minimised.Violations);
    }

    [Fact]
    public void Reject_RefusesTheRecord_NamingEachField()
    {
        var minimised = Schemas().Apply(Record("partner", ("crm_id", "C1")));

        Assert.Null(minimised.Record);
        Assert.Equal(["attributes.birth_date", "attributes.first_name", "attributes.religion"], minimised.Violations.Select(v => v.Field));
        Assert.Contains("schema of source 'partner'", minimised.Violations[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ASourceWithoutASchema_SendsAnything_AndAListOfOneKindLeavesTheOtherFree()
    {
        var record = Record("crm", ("national_id", "123"));
        var partnerIds = Schemas().Apply(Record("partner", ("crm_id", "C1")) with { Attributes = ImmutableDictionary<string, string>.Empty.Add("email", "a@b.com") });

        Assert.Same(record, Schemas().Apply(record).Record);
        var unknown = record with { Source = "unknown" };
        Assert.Same(unknown, Schemas().Apply(unknown).Record);
        Assert.Empty(partnerIds.Violations);
        Assert.Equal(["crm_id"], partnerIds.Record!.Identifiers.Select(i => i.Type));
        Assert.True(new SourceSchemas(new SourceRegistryOptions()).IsEmpty);
    }
}
