using Cdm.Api.V1;
using Grpc.Core;

namespace Cdm.ClusterTests.Gateway;

/// <summary>The audit log through <c>cdm.v1.Audit</c>, with real callers of the gateway with authentication required.</summary>
[Collection(SecuredHostCollection.Name)]
public sealed class AuditEndToEndTests(SecuredHostFixture fixture)
{
    private readonly ApiRecords records = new("crm");

    private EmbeddedHost Host => fixture.Host;

    private Audit.AuditClient AuditLog => new(Host.Channel);

    [Fact]
    public async Task ReadsAndWrites_AreLoggedWithCallerPurposeAndSource_AndNothingPersonal()
    {
        var writerName = "crm-" + records.Prefix;
        var readerName = "bi-" + records.Prefix;
        var writer = SecuredHostFixture.ApiKey(await fixture.KeyAsync(writerName, ["source"], sources: [records.Source]));
        var reader = SecuredHostFixture.ApiKey(await fixture.KeyAsync(readerName, ["reader"], purposes: ["analytics"]));
        var officer = SecuredHostFixture.Bearer(fixture.Token("officer-" + records.Prefix, ["privacy_officer"]));
        var email = records.Email("ada");
        var created = await Host.Ingestion.IngestAsync(records.Record("1", ("email", email), ("first_name", "Ada")), writer);

        await Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = created.ProfileId, Purpose = "analytics" }, reader);
        await Host.Profiles.GetHistoryAsync(new GetHistoryRequest { ProfileId = created.ProfileId, Purpose = "analytics" }, reader);
        var byProfile = await AuditLog.ListAuditEntriesAsync(new ListAuditEntriesRequest { Identifier = new Identifier { Type = "email", Value = email } }, officer);

        Assert.Equal(
            [AuditAction.HistoryRead, AuditAction.ProfileRead, AuditAction.RecordWritten],
            byProfile.Entries.Select(e => e.Action));
        Assert.All(byProfile.Entries, e => Assert.Equal(created.ProfileId, e.ProfileId));
        var read = byProfile.Entries[1];
        Assert.Equal(("analytics", ""), (read.Purpose, read.Source));
        Assert.Contains($"({readerName})", read.Caller, StringComparison.Ordinal);
        var written = byProfile.Entries[2];
        Assert.Contains($"({writerName})", written.Caller, StringComparison.Ordinal);
        Assert.Equal(records.Source, written.Source);
        Assert.DoesNotContain(email, byProfile.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ada", byProfile.ToString(), StringComparison.Ordinal);

        var byCaller = await AuditLog.ListAuditEntriesAsync(new ListAuditEntriesRequest { Caller = read.Caller }, officer);
        Assert.Equal([AuditAction.HistoryRead, AuditAction.ProfileRead], byCaller.Entries.Select(e => e.Action));
    }

    [Fact]
    public async Task Pages_FollowTheToken_AndOnlyPrivacyOfficersMayList()
    {
        var admin = fixture.Admin;
        var created = await Host.Ingestion.IngestAsync(records.Record("2", ("email", records.Email("bea"))), admin);
        for (var i = 0; i < 4; i++)
        {
            await Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = created.ProfileId, Purpose = "customer_service" }, admin);
        }

        var ids = new List<long>();
        var request = new ListAuditEntriesRequest { ProfileId = created.ProfileId, PageSize = 2 };
        do
        {
            var page = await AuditLog.ListAuditEntriesAsync(request, admin);
            Assert.True(page.Entries.Count <= 2);
            ids.AddRange(page.Entries.Select(e => e.Id));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(5, ids.Count);
        Assert.Equal(ids.OrderDescending(), ids);
        var steward = SecuredHostFixture.Bearer(fixture.Token("steward", ["steward"]));
        var denied = await Assert.ThrowsAsync<RpcException>(() => AuditLog.ListAuditEntriesAsync(new ListAuditEntriesRequest { ProfileId = created.ProfileId }, steward).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var bad = await Assert.ThrowsAsync<RpcException>(() => AuditLog.ListAuditEntriesAsync(new ListAuditEntriesRequest { ProfileId = created.ProfileId, PageToken = "x" }, admin).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        var nobody = await Assert.ThrowsAsync<RpcException>(() => AuditLog.ListAuditEntriesAsync(new ListAuditEntriesRequest { Identifier = new Identifier { Type = "email", Value = records.Email("nobody") } }, admin).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, nobody.StatusCode);
    }
}
