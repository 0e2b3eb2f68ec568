using Cdm.Api.V1;
using Cdm.Testing;
using Grpc.Core;

namespace Cdm.ClusterTests.Gateway;

/// <summary>
/// Retention periods on the embedded default (<see cref="SecuredHostFixture"/> keeps <c>retention-web</c> records three
/// seconds and <c>retention_note</c> two): values go by the profile's own reminder, without any read or batch.
/// </summary>
[Collection(SecuredHostCollection.Name)]
public sealed class RetentionEndToEndTests(SecuredHostFixture fixture)
{
    private readonly ApiRecords crm = new("crm");

    private EmbeddedHost Host => fixture.Host;

    [Fact]
    public async Task ExpiredValuesAndRecords_AreRemovedByReminder_AndTheGoldenRecordIsRecomputed()
    {
        var writer = SecuredHostFixture.ApiKey(await fixture.KeyAsync("retention-" + crm.Prefix, ["source"], sources: [crm.Source, SecuredHostFixture.RetainedSource]));
        var note = "note-" + crm.Prefix;
        var phone = TestPhones.Mobile(crm.Prefix);
        var web = new SourceKey { Source = SecuredHostFixture.RetainedSource, RecordId = "w-" + crm.Prefix };
        var created = await Host.Ingestion.IngestAsync(crm.Record("a", ("email", crm.Email("rita")), ("first_name", "Rita"), (SecuredHostFixture.RetainedAttribute, note)), writer);
        await Host.Ingestion.IngestAsync(new SourceRecord { Source = web.Source, RecordId = web.RecordId, Attributes = { ["email"] = crm.Email("rita"), ["phone"] = phone } }, writer);
        var before = await ProfileAsync(new GetProfileRequest { ProfileId = created.ProfileId });
        Assert.Equal(2, before.Records.Count);
        Assert.Contains(before.Golden, g => g.Attribute == SecuredHostFixture.RetainedAttribute && g.Value == note);

        // Waits for the reminders' work with a deadline; nothing reads the profile meanwhile but this check.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        ProfileHistory history;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            history = await new Profiles.ProfilesClient(Host.Channel).GetHistoryAsync(
                new GetHistoryRequest { ProfileId = created.ProfileId, Purpose = "privacy_request" }, fixture.Admin);
        }
        while (history.Events.Count(e => e.Kind == HistoryEventKind.RetentionExpired) < 2 && DateTime.UtcNow < deadline);

        var expired = history.Events.Where(e => e.Kind == HistoryEventKind.RetentionExpired).ToList();
        Assert.Equal(2, expired.Count);
        // A removed record's entry names its source, not the record: its id is gone with it.
        Assert.Contains(expired, e => e.Record.Source == web.Source && e.Record.RecordId == "" && e.Reason == "record removed: source retention-web keeps records 00:00:03");
        Assert.Contains(expired, e => e.Record.RecordId == "a" && e.Reason == "removed: retention_note kept 00:00:02");
        var after = await ProfileAsync(new GetProfileRequest { ProfileId = created.ProfileId, IncludeVersions = true });
        var kept = Assert.Single(after.Records);
        Assert.Equal("a", kept.RecordId);
        Assert.DoesNotContain(after.Golden, g => g.Attribute == SecuredHostFixture.RetainedAttribute);
        Assert.All(kept.Versions, v => Assert.False(v.Attributes.ContainsKey(SecuredHostFixture.RetainedAttribute)));
        Assert.Equal("Rita", after.Golden.Single(g => g.Attribute == "first_name").Value);

        // The removed record's keys lead nowhere now, and its values and the note are in no table.
        foreach (var lookup in new[] { new GetProfileRequest { SourceKey = web }, new GetProfileRequest { Identifier = new Identifier { Type = "phone", Value = phone } } })
        {
            var missing = await Assert.ThrowsAsync<RpcException>(() => ProfileAsync(lookup));
            Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        }

        Assert.Empty(await StoredValueSearch.InSqliteAsync(Path.Combine(Host.DataDirectory, "cdm.db"), [note, phone, web.RecordId]));
        var audit = await new Audit.AuditClient(Host.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest { ProfileId = created.ProfileId }, fixture.Admin);
        Assert.Contains(audit.Entries, e => e.Action == AuditAction.RetentionApplied && e.Caller == "system");
    }

    private Task<Profile> ProfileAsync(GetProfileRequest request)
    {
        request.Purpose = "privacy_request";
        return Host.Profiles.GetProfileAsync(request, fixture.Admin).ResponseAsync;
    }
}
