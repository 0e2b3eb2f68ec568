using Cdm.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Cdm.ClusterTests.Gateway;

/// <summary>Purpose-bound reads of <c>cdm.v1.Profiles</c> through a real gRPC channel to the embedded default.</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class PurposeReadEndToEndTests(EmbeddedHostFixture fixture)
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ApiRecords records = new("web");

    private EmbeddedHost Host => fixture.Host;

    /// <summary>A person with a name, an email, a phone, a birth date and an unclassified attribute, who granted email marketing.</summary>
    private async Task<(string ProfileId, string Email, string Phone)> PersonAsync(string id, string name)
    {
        var email = records.Email(name);
        var phone = "+6128" + Random.Shared.Next(1_000_000, 9_999_999);
        var record = records.Record(id, ("first_name", name), ("email", email), ("phone", phone), ("birth_date", "1990-05-01"), ("shoe_size", "38"));
        record.ObservedAt = Timestamp.FromDateTimeOffset(Day0);
        record.Consents.Add(new ConsentStatement { Purpose = "email_marketing", Status = ConsentStatus.Granted, Basis = LawfulBasis.Consent });
        var outcome = await Host.Ingestion.IngestAsync(record);
        Assert.Equal(IngestStatus.Created, outcome.Status);
        return (outcome.ProfileId, email, phone);
    }

    private Task<Profile> ReadAsync(string profileId, string purpose) =>
        Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = profileId, Purpose = purpose, IncludeVersions = true }).ResponseAsync;

    [Fact]
    public async Task Read_ForAConsentedPurpose_SeesItsClassesOnly_AndSaysWhatItWithheld()
    {
        var (profileId, email, phone) = await PersonAsync("1", "ada");

        var read = await ReadAsync(profileId, "email_marketing");

        Assert.Equal("email_marketing", read.Purpose);
        var golden = read.Golden.Select(g => g.Attribute).ToHashSet();
        Assert.Superset(new HashSet<string> { "email", "email_domain", "first_name" }, golden);
        Assert.Empty(golden.Intersect(["phone", "phone_country", "birth_date", "age_band", "shoe_size"]));
        Assert.Equal([("email", email)], read.Identifiers.Select(i => (i.Type, i.Value)));
        var member = Assert.Single(read.Records);
        Assert.Equal(["email", "first_name"], member.Current.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("age_band", member.Current.DerivedAttributes.Keys);
        Assert.All(member.Versions, v => Assert.DoesNotContain("phone", v.Attributes.Keys));
        Assert.DoesNotContain(phone, read.ToString(), StringComparison.Ordinal);
        Assert.Contains(read.Withheld, w => w is { Attribute: "phone", AttributeClass: "phone", Reason: WithholdReason.NotForPurpose, Identifier: false });
        Assert.Contains(read.Withheld, w => w is { Attribute: "phone", Identifier: true });
        Assert.Contains(read.Withheld, w => w is { Attribute: "shoe_size", AttributeClass: "sensitive" });
        Assert.Contains(read.Withheld, w => w is { Attribute: "age_band", AttributeClass: "demographic" });
    }

    [Fact]
    public async Task Read_ForAPurposeWithoutConsent_SeesNothingPersonal()
    {
        var (profileId, email, _) = await PersonAsync("2", "bea");

        var read = await ReadAsync(profileId, "analytics");

        Assert.Empty(read.Golden);
        Assert.Empty(read.Identifiers);
        Assert.Empty(Assert.Single(read.Records).Current.Attributes);
        Assert.Equal(profileId, read.ProfileId);
        Assert.Contains(read.Withheld, w => w is { Attribute: "birth_date", Reason: WithholdReason.NoConsent });
        Assert.DoesNotContain(email, read.ToString(), StringComparison.Ordinal);
        // The purposes that read on another lawful basis need no consent.
        var service = await ReadAsync(profileId, "customer_service");
        Assert.Contains(service.Golden, g => g.Attribute == "phone");
        Assert.DoesNotContain(service.Golden, g => g.Attribute == "shoe_size");
    }

    [Fact]
    public async Task WithdrawnConsent_TakesEffectOnTheNextRead()
    {
        var (profileId, email, _) = await PersonAsync("3", "cy");
        Assert.Contains((await ReadAsync(profileId, "email_marketing")).Golden, g => g.Value == email);

        await Host.Consent.RecordConsentAsync(new RecordConsentRequest
        {
            Profile = new ConsentLookup { ProfileId = profileId },
            Statement = new ConsentStatement
            {
                Purpose = "email_marketing",
                Status = ConsentStatus.Withdrawn,
                Basis = LawfulBasis.Consent,
                Source = "preference_centre",
                GivenAt = Timestamp.FromDateTimeOffset(Day0.AddDays(1)),
            },
        });
        var read = await ReadAsync(profileId, "email_marketing");

        Assert.Empty(read.Golden);
        Assert.Contains(read.Withheld, w => w is { Attribute: "email", Reason: WithholdReason.ConsentWithdrawn });
        Assert.Empty(read.Identifiers);
    }

    [Fact]
    public async Task History_MasksIdentifiersThePurposeMayNotSee()
    {
        var (first, email, _) = await PersonAsync("4", "dot");
        var joined = await Host.Ingestion.IngestAsync(records.Record("5", ("email", email), ("city", "Hobart")));
        Assert.Equal(first, joined.ProfileId);

        var masked = await Host.Profiles.GetHistoryAsync(new GetHistoryRequest { ProfileId = first, Purpose = "analytics" });
        var plain = await Host.Profiles.GetHistoryAsync(new GetHistoryRequest { ProfileId = first, Purpose = "stewardship" });

        Assert.Contains(plain.Events, e => e.Reason.Contains(email, StringComparison.Ordinal));
        Assert.DoesNotContain(masked.Events, e => e.Reason.Contains(email, StringComparison.Ordinal));
        Assert.Contains(masked.Events, e => e.Reason.Contains("email:(withheld)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("curiosity", "'curiosity' is not a read purpose")]
    public async Task Read_WithoutAKnownPurpose_IsInvalidArgumentNamingPurpose(string purpose, string reason)
    {
        var (profileId, _, _) = await PersonAsync(purpose.Length == 0 ? "6" : "7", "eve" + purpose);

        var profile = await Assert.ThrowsAsync<RpcException>(() => ReadAsync(profileId, purpose));
        var history = await Assert.ThrowsAsync<RpcException>(() =>
            Host.Profiles.GetHistoryAsync(new GetHistoryRequest { ProfileId = profileId, Purpose = purpose }).ResponseAsync);

        foreach (var error in new[] { profile, history })
        {
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
            Assert.Equal("purpose", violation.Field);
            Assert.Contains(reason, violation.Description, StringComparison.Ordinal);
        }
    }
}
