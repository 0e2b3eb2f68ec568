using Cdm.Contracts.Privacy;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Grains.Enrichment;
using Cdm.Grains.Normalisation;

namespace Cdm.ClusterTests.Identity;

/// <summary>Attributes derived at ingest reach the golden record marked as derived; role addresses never link.</summary>
[Collection(ClusterCollection.Name)]
public sealed class EnrichmentTests(ClusterFixture fixture)
{
    private readonly TestRecords records = new();

    private IResolverGrain Resolver => fixture.Grains.GetGrain<IResolverGrain>(0);

    [Fact]
    public async Task Ingest_GoldenRecordHasDerivedValuesWithDerivedLineage()
    {
        var phone = UniqueMobile();
        var email = $"bill.{records.Prefix}@gmail.com";
        var outcome = await Resolver.IngestAsync(records.Record("e1", attributes:
            [("first_name", "Bill"), ("email", email), ("phone", phone), ("birth_date", "1990-01-01")]));

        var profile = await Resolver.GetProfileAsync(ProfileLookup.ById(outcome.ProfileId!), includeVersions: false, ReadPurposes.Stewardship);
        var golden = profile!.Golden.ToDictionary(g => g.Attribute);
        var receivedOn = DateOnly.FromDateTime(Assert.Single(profile.Members).Current.ReceivedAt.UtcDateTime);

        AssertDerived(golden, "phone_country", "GB", "phone");
        AssertDerived(golden, "phone_line_type", "mobile", "phone");
        AssertDerived(golden, "email_domain", "gmail.com", "email");
        AssertDerived(golden, "email_free", "true", "email");
        AssertDerived(golden, "email_role", "false", "email");
        AssertDerived(golden, "first_name_canonical", "william", "first_name");
        AssertDerived(golden, "age_band", AgeBand.For("1990-01-01", receivedOn)!, "birth_date");
        Assert.Equal(golden["phone"].Lineage.Rule, golden["phone_country"].Lineage.Rule);
        Assert.Equal(records.Source(), golden["phone_country"].Lineage.Source);
        Assert.Equal("e1", golden["phone_country"].Lineage.RecordId);
        Assert.False(golden["phone"].Lineage.IsDerived, "profile " + profile.ProfileId + ": the phone itself was sent, not derived");
    }

    [Fact]
    public async Task RoleAddress_NeverLinksTwoPeople_WhileAPersonalAddressDoes()
    {
        var role = $"info@company-{records.Prefix}.com";
        var ada = await Resolver.IngestAsync(records.Record("r1", attributes: [("first_name", "Ada"), ("email", role)]));
        var grace = await Resolver.IngestAsync(records.Record("r2", source: "shop", attributes: [("first_name", "Grace"), ("email", role.ToUpperInvariant())]));

        Assert.Equal(IngestStatus.Created, ada.Status);
        Assert.Equal(IngestStatus.Created, grace.Status);
        Assert.NotEqual(ada.ProfileId, grace.ProfileId);
        Assert.Contains(grace.QualityFlags, f => f.Attribute == "email" && f.Issue == RecordNormaliser.RoleAddressIssue);
        var adaProfile = await Resolver.GetProfileAsync(ProfileLookup.ById(ada.ProfileId!), includeVersions: false, ReadPurposes.Stewardship);
        Assert.Single(adaProfile!.Members);
        Assert.Contains(adaProfile.Golden, g => g.Attribute == "email" && g.Value == role);
        Assert.Contains(adaProfile.Golden, g => g.Attribute == "email_role" && g.Value == "true" && g.Lineage.DerivedFrom == "email");
        Assert.Null(await Resolver.GetProfileAsync(ProfileLookup.ByIdentifier("email", role), includeVersions: false, ReadPurposes.Stewardship));

        var personal = records.Email("ada.personal");
        var first = await Resolver.IngestAsync(records.Record("p1", attributes: [("first_name", "Ada"), ("email", personal), ("phone", UniqueMobile())]));
        var second = await Resolver.IngestAsync(records.Record("p2", source: "shop", attributes: [("last_name", "Lovelace"), ("email", personal)]));

        Assert.Equal(IngestStatus.Linked, second.Status);
        Assert.Equal(first.ProfileId, second.ProfileId);
    }

    [Fact]
    public async Task ResentRecord_WithDerivedAttributes_IsUnchanged()
    {
        var record = records.Record("u1", attributes: [("first_name", "Liz"), ("email", records.Email("liz")), ("birth_date", "1985-03-04")]);

        var first = await Resolver.IngestAsync(record);
        var second = await Resolver.IngestAsync(record);

        Assert.Equal(IngestStatus.Created, first.Status);
        Assert.Equal(IngestStatus.Unchanged, second.Status);
        Assert.Equal(first.ProfileId, second.ProfileId);
        var profile = await Resolver.GetProfileAsync(ProfileLookup.ById(first.ProfileId!), includeVersions: true, ReadPurposes.Stewardship);
        var member = Assert.Single(profile!.Members);
        Assert.Equal(1, member.VersionCount);
        Assert.Equal("elisabeth, elizabeth", member.Current.DerivedAttributes["first_name_canonical"]);
    }

    private static void AssertDerived(Dictionary<string, GoldenValue> golden, string attribute, string value, string from)
    {
        Assert.True(golden.TryGetValue(attribute, out var derived), $"golden record lacks {attribute}; it has {string.Join(", ", golden.Keys)}");
        Assert.Equal(value, derived.Value);
        Assert.True(derived.Lineage.IsDerived, $"{attribute} should be marked derived");
        Assert.Equal(from, derived.Lineage.DerivedFrom);
    }

    /// <summary>A valid UK mobile number no other test uses.</summary>
    private static string UniqueMobile() => $"+447400{Random.Shared.Next(0, 1_000_000):D6}";
}
