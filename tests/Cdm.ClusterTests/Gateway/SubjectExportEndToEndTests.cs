using System.Text.Json;
using Cdm.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Cdm.ClusterTests.Gateway;

/// <summary>Subject access export through <c>cdm.v1.Privacy</c>, with authentication required.</summary>
[Collection(SecuredHostCollection.Name)]
public sealed class SubjectExportEndToEndTests(SecuredHostFixture fixture)
{
    private readonly ApiRecords records = new("crm");

    private EmbeddedHost Host => fixture.Host;

    [Fact]
    public async Task Export_HoldsEverythingAboutThePerson_AsOneJsonDocument()
    {
        var writer = SecuredHostFixture.ApiKey(await fixture.KeyAsync("crm-" + records.Prefix, ["source"], sources: [records.Source]));
        var reader = SecuredHostFixture.ApiKey(await fixture.KeyAsync("bi-" + records.Prefix, ["reader"], purposes: ["analytics"]));
        var officer = SecuredHostFixture.Bearer(fixture.Token("officer-" + records.Prefix, ["privacy_officer"]));
        var email = records.Email("ada");
        var first = records.Record("1", ("email", email), ("first_name", "Ada"), ("city", "London"));
        first.ObservedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        first.Consents.Add(new ConsentStatement { Purpose = "sms", Status = ConsentStatus.Granted, Basis = LawfulBasis.Consent });
        var created = await Host.Ingestion.IngestAsync(first, writer);
        var second = first.Clone();
        second.ObservedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        second.Attributes["city"] = "Paris";
        await Host.Ingestion.IngestAsync(second, writer);
        await Host.Ingestion.IngestAsync(records.Record("2", ("email", email), ("last_name", "Lovelace")), writer);
        await Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = created.ProfileId, Purpose = "analytics" }, reader);

        var export = await new Privacy.PrivacyClient(Host.Channel).ExportSubjectAsync(
            new ExportSubjectRequest { Identifier = new Identifier { Type = "email", Value = email } }, officer);

        Assert.Equal(created.ProfileId, export.ProfileId);
        using var document = JsonDocument.Parse(export.Json);
        var root = document.RootElement;
        var profile = root.GetProperty("profile");
        Assert.Contains(profile.GetProperty("golden").EnumerateArray(), g => g.GetProperty("attribute").GetString() == "last_name" && g.GetProperty("value").GetString() == "Lovelace");
        var members = profile.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(2, members.Count);
        var versions = members.Single(m => m.GetProperty("recordId").GetString() == "1").GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal(["London", "Paris"], versions.Select(v => v.GetProperty("attributes").GetProperty("city").GetString()));
        var sms = root.GetProperty("consent").GetProperty("purposes").EnumerateArray().Single(p => p.GetProperty("purpose").GetString() == "sms");
        Assert.True(sms.GetProperty("allows").GetBoolean());
        Assert.NotEmpty(root.GetProperty("history").GetProperty("events").EnumerateArray());
        var audit = root.GetProperty("audit").EnumerateArray().ToList();
        Assert.Contains(audit, a => a.GetProperty("action").GetString() == "AUDIT_ACTION_PROFILE_READ" && a.GetProperty("purpose").GetString() == "analytics");
        Assert.Contains(audit, a => a.GetProperty("purpose").GetString() == "privacy_request" && a.GetProperty("caller").GetString() == "officer-" + records.Prefix);
        Assert.Equal(3, audit.Count(a => a.GetProperty("action").GetString() == "AUDIT_ACTION_RECORD_WRITTEN"));
    }

    [Fact]
    public async Task Export_IsForPrivacyOfficersOnly_AndNotFoundForNobody()
    {
        var reader = SecuredHostFixture.ApiKey(await fixture.KeyAsync("bi", ["reader"], purposes: ["analytics"]));
        var request = new ExportSubjectRequest { Identifier = new Identifier { Type = "email", Value = records.Email("nobody") } };

        var denied = await Assert.ThrowsAsync<RpcException>(() => new Privacy.PrivacyClient(Host.Channel).ExportSubjectAsync(request, reader).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => new Privacy.PrivacyClient(Host.Channel).ExportSubjectAsync(request, fixture.Admin).ResponseAsync);
        var empty = await Assert.ThrowsAsync<RpcException>(() => new Privacy.PrivacyClient(Host.Channel).ExportSubjectAsync(new ExportSubjectRequest(), fixture.Admin).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
    }
}
