using System.Diagnostics;
using Cdm.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace Cdm.ClusterTests.Gateway;

/// <summary>A consent grant's lapse, noted by the profile's reminder in the embedded default (durable SQLite reminders).</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class ConsentExpiryEndToEndTests(EmbeddedHostFixture fixture)
{
    private readonly ApiRecords records = new("shop");

    private EmbeddedHost Host => fixture.Host;

    [Fact]
    public async Task AGrantThatLapses_IsNotedInTheHistoryAndTheAuditLog_ByTheReminder_WithoutAnyRead()
    {
        var created = await Host.Ingestion.IngestAsync(records.Record("1", ("email", records.Email("ada"))));
        var now = DateTimeOffset.UtcNow;
        await Host.Consent.RecordConsentAsync(new RecordConsentRequest
        {
            Profile = new ConsentLookup { ProfileId = created.ProfileId },
            Statement = new ConsentStatement
            {
                Purpose = "sms",
                Status = ConsentStatus.Granted,
                Basis = LawfulBasis.Consent,
                Source = "web-form",
                GivenAt = Timestamp.FromDateTimeOffset(now.AddDays(-1)),
                ExpiresAt = Timestamp.FromDateTimeOffset(now.AddSeconds(3)),
            },
        });
        var before = await Host.Profiles.GetHistoryAsync(new GetHistoryRequest { ProfileId = created.ProfileId, Purpose = "stewardship" });
        Assert.DoesNotContain(before.Events, e => e.Kind == HistoryEventKind.ConsentLapsed);

        // The reminder fires about three seconds after the grant; the audit log shows when, without a read of ours in between.
        var audit = new Audit.AuditClient(Host.Channel);
        var watch = Stopwatch.StartNew();
        ListAuditEntriesResponse entries;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            entries = await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { ProfileId = created.ProfileId });
        }
        while (!entries.Entries.Any(e => e.Action == AuditAction.ConsentLapsed) && watch.Elapsed < TimeSpan.FromSeconds(60));

        var lapse = Assert.Single(entries.Entries, e => e.Action == AuditAction.ConsentLapsed);
        Assert.Equal(("system", "sms", "web-form"), (lapse.Caller, lapse.Purpose, lapse.Source));
        Assert.True(lapse.At.ToDateTimeOffset() >= now.AddSeconds(3));
        var after = await Host.Profiles.GetHistoryAsync(new GetHistoryRequest { ProfileId = created.ProfileId, Purpose = "stewardship" });
        var noted = Assert.Single(after.Events, e => e.Kind == HistoryEventKind.ConsentLapsed);
        Assert.StartsWith("consent for sms lapsed", noted.Reason, StringComparison.Ordinal);
        var consent = await Host.Consent.GetConsentAsync(new GetConsentRequest { Profile = new ConsentLookup { ProfileId = created.ProfileId } });
        Assert.True(consent.Purposes.Single(p => p.Purpose == "sms").Expired);
    }
}
