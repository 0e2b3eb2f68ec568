using Cdm.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Cdm.ClusterTests.Gateway;

/// <summary>The public API through a real gRPC channel to the embedded default running as a process.</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class GatewayEndToEndTests(EmbeddedHostFixture fixture)
{
    private readonly ApiRecords records = new("crm");

    private EmbeddedHost Host => fixture.Host;

    private string Source => records.Source;

    private string Email(string local) => records.Email(local);

    private SourceRecord Record(string id, params (string Name, string Value)[] attributes) => records.Record(id, attributes);

    [Fact]
    public async Task OpenMode_TakesEveryCallerForAnAnonymousAdmin_AndSaysSoAtStart()
    {
        var caller = await new Access.AccessClient(Host.Channel).WhoAmIAsync(new WhoAmIRequest());

        Assert.True(caller.Open);
        Assert.Equal("anonymous", caller.Name);
        Assert.Equal(["admin"], caller.Roles);
        Assert.Contains(Host.LogLines, l => l.Contains("open mode: no authentication", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ingest_ThenGetProfileByIdIdentifierAndSourceKey()
    {
        var created = await Host.Ingestion.IngestAsync(Record("1", ("email", Email("ada")), ("first_name", "ada")));
        var linked = await Host.Ingestion.IngestAsync(Record("2", ("email", Email("ada").ToUpperInvariant()), ("last_name", "Lovelace")));

        Assert.Equal(IngestStatus.Created, created.Status);
        Assert.Equal(IngestStatus.Linked, linked.Status);
        var byId = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", ProfileId = created.ProfileId });
        var byEmail = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", Identifier = new Identifier { Type = "email", Value = Email("ada") } });
        var bySource = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", SourceKey = new SourceKey { Source = Source, RecordId = "2" } });

        Assert.Equal(created.ProfileId, byEmail.ProfileId);
        Assert.Equal(created.ProfileId, bySource.ProfileId);
        Assert.Equal(2, byId.Records.Count);
        var lastName = byId.Golden.Single(g => g.Attribute == "last_name");
        Assert.Equal("Lovelace", lastName.Value);
        Assert.Equal(Source, lastName.Lineage.Source);
        Assert.Equal("2", lastName.Lineage.RecordId);
        Assert.False(string.IsNullOrEmpty(lastName.Lineage.Rule));
        Assert.Contains(byId.Identifiers, i => i.Type == "email" && i.Value == Email("ada"));
    }

    [Fact]
    public async Task Ingest_BadInput_IsInvalidArgumentNamingTheFieldAndStoresNothing()
    {
        var record = Record("", ("email", Email("bad")));

        var error = await Assert.ThrowsAsync<RpcException>(() => Host.Ingestion.IngestAsync(record).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("record_id", error.Status.Detail);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.Contains(badRequest!.FieldViolations, v => v.Field == "record_id");
        var lookup = await Assert.ThrowsAsync<RpcException>(() => Host.Profiles.GetProfileAsync(
            new GetProfileRequest { Purpose = "stewardship", Identifier = new Identifier { Type = "email", Value = Email("bad") } }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Ingest_ResentRecord_IsUnchanged()
    {
        var record = Record("r", ("email", Email("again")));
        record.ObservedAt = Timestamp.FromDateTimeOffset(DateTimeOffset.Parse("2025-05-05T00:00:00Z"));

        var first = await Host.Ingestion.IngestAsync(record);
        var second = await Host.Ingestion.IngestAsync(record);

        Assert.Equal(IngestStatus.Unchanged, second.Status);
        Assert.Equal(first.ProfileId, second.ProfileId);
    }

    [Fact]
    public async Task IngestStream_AnswersEveryRecordOnceAndRejectsInline()
    {
        const int count = 400;
        using var call = Host.Ingestion.IngestStream();
        var reading = Task.Run(async () =>
        {
            var results = new List<IngestResult>();
            await foreach (var result in call.ResponseStream.ReadAllAsync())
            {
                results.Add(result);
            }

            return results;
        });
        for (var i = 0; i < count; i++)
        {
            // Every 50th record lacks its source: rejected, and the stream goes on.
            var record = Record($"s{i}", ("email", Email($"s{i % 100}")));
            if (i % 50 == 0)
            {
                record.Source = "";
            }

            await call.RequestStream.WriteAsync(record);
        }

        await call.RequestStream.CompleteAsync();
        var results = await reading;

        Assert.Equal(count, results.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => (ulong)i), results.Select(r => r.Index).Order());
        var rejected = results.Where(r => r.Status == IngestStatus.Rejected).ToList();
        Assert.Equal(count / 50, rejected.Count);
        Assert.All(rejected, r => Assert.Contains(r.Violations, v => v.Field == "source"));
        // Records sharing an email end in one profile (an answer may name a profile merged away later).
        foreach (var group in results.Where(r => r.Status != IngestStatus.Rejected).GroupBy(r => int.Parse(r.RecordId[1..]) % 100))
        {
            var profile = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", Identifier = new Identifier { Type = "email", Value = Email($"s{group.Key}") } });
            Assert.Equal(group.Select(r => r.RecordId).Order(), profile.Records.Select(r => r.RecordId).Order());
        }
    }

    [Fact]
    public async Task GetProfile_UnknownOrEmptyLookup_AreNotFoundAndInvalidArgument()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", ProfileId = "p-none-" + records.Prefix }).ResponseAsync);
        var empty = await Assert.ThrowsAsync<RpcException>(() => Host.Profiles.GetProfileAsync(new GetProfileRequest()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
    }

    [Fact]
    public async Task CrossReferencesAndHistory_ShowEveryRecordAndTheMergeReason()
    {
        var a = await Host.Ingestion.IngestAsync(Record("a", ("email", Email("a"))));
        var b = await Host.Ingestion.IngestAsync(Record("b", ("email", Email("b"))));
        var bridge = await Host.Ingestion.IngestAsync(Record("c", ("email", Email("a")), ("phone", "+61 2 9374 4000")));
        var bridge2 = await Host.Ingestion.IngestAsync(Record("d", ("email", Email("b")), ("phone", "+61293744000")));

        Assert.Equal(IngestStatus.Linked, bridge.Status);
        Assert.Equal(IngestStatus.Merged, bridge2.Status);
        var xref = new List<CrossReference>();
        using (var call = Host.Profiles.ListCrossReferences(new ListCrossReferencesRequest { Source = Source }))
        {
            await foreach (var entry in call.ResponseStream.ReadAllAsync())
            {
                xref.Add(entry);
            }
        }

        Assert.Equal(["a", "b", "c", "d"], xref.Select(x => x.RecordId).Order());
        Assert.Single(xref.Select(x => x.ProfileId).Distinct());
        var history = await Host.Profiles.GetHistoryAsync(new GetHistoryRequest { Purpose = "stewardship", ProfileId = a.ProfileId });
        var absorbed = Assert.Single(history.Events, e => e.Kind == HistoryEventKind.Absorbed);
        Assert.Contains("phone:+61293744000", absorbed.Reason);
        Assert.Contains(new[] { a.ProfileId, b.ProfileId }, id => id == absorbed.OtherProfileId);
    }

    [Fact]
    public async Task DeleteRecord_RemovesItFromItsProfile()
    {
        var kept = await Host.Ingestion.IngestAsync(Record("keep", ("email", Email("del")), ("city", "Perth")));
        await Host.Ingestion.IngestAsync(Record("gone", ("email", Email("del")), ("nickname", "Gone")));

        var deleted = await Host.Ingestion.DeleteRecordAsync(new DeleteRecordRequest { Source = Source, RecordId = "gone" });

        Assert.True(deleted.Deleted);
        Assert.Equal(kept.ProfileId, deleted.ProfileId);
        var profile = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", ProfileId = kept.ProfileId });
        Assert.Equal("keep", Assert.Single(profile.Records).RecordId);
        Assert.DoesNotContain(profile.Golden, g => g.Attribute == "nickname");
    }

    [Fact]
    public async Task GetProfile_DerivedValues_CarryDerivedLineageAndTheSourceAttribute()
    {
        var email = $"bill.{records.Prefix}@gmail.com";
        var created = await Host.Ingestion.IngestAsync(Record("enriched", ("email", email), ("first_name", "Bill")));

        var profile = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", ProfileId = created.ProfileId });

        var domain = profile.Golden.Single(g => g.Attribute == "email_domain");
        Assert.Equal("gmail.com", domain.Value);
        Assert.True(domain.Lineage.Derived);
        Assert.Equal("email", domain.Lineage.DerivedFrom);
        Assert.Equal("enriched", domain.Lineage.RecordId);
        var canonical = profile.Golden.Single(g => g.Attribute == "first_name_canonical");
        Assert.Equal(("william", "first_name"), (canonical.Value, canonical.Lineage.DerivedFrom));
        var sent = profile.Golden.Single(g => g.Attribute == "email");
        Assert.False(sent.Lineage.Derived);
        Assert.Equal("", sent.Lineage.DerivedFrom);
        Assert.Equal("true", profile.Records.Single().Current.DerivedAttributes["email_free"]);
    }
}
