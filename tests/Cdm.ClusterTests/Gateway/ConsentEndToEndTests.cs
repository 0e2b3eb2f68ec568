using Cdm.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Cdm.ClusterTests.Gateway;

/// <summary><c>cdm.v1.Consent</c> through a real gRPC channel to the embedded default running as a process.</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class ConsentEndToEndTests(EmbeddedHostFixture fixture)
{
    private static readonly DateTimeOffset Day0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ApiRecords records = new("shop");

    private EmbeddedHost Host => fixture.Host;

    private string Source => records.Source;

    private string Email(string local) => records.Email(local);

    private SourceRecord Record(string id, params (string Name, string Value)[] attributes) => records.Record(id, attributes);

    [Fact]
    public async Task RecordConsent_NewestGivenAtWins_WhateverTheOrderOfArrival()
    {
        var profileId = await NewProfileAsync("1", "ada");

        await Host.Consent.RecordConsentAsync(Request(ById(profileId), "email_marketing", ConsentStatus.Withdrawn, day: 5));
        var answer = await Host.Consent.RecordConsentAsync(Request(BySourceKey("1"), "email_marketing", ConsentStatus.Granted, day: 2));

        var email = Assert.Single(answer.Purposes);
        Assert.Equal(profileId, answer.ProfileId);
        Assert.Equal(ConsentStatus.Withdrawn, email.Current.Status);
        Assert.False(email.Allows);
        Assert.Equal([2, 5], email.History.Select(h => (int)(h.GivenAt.ToDateTimeOffset() - Day0).TotalDays));
        Assert.Equal("crm", email.Current.Source);
    }

    [Fact]
    public async Task RecordConsent_Again_ChangesNothing_AndAGrantThatLapsedDoesNotAllow()
    {
        var profileId = await NewProfileAsync("2", "bea");
        var lapsed = Request(ById(profileId), "sms", ConsentStatus.Granted, day: 1);
        lapsed.Statement.ExpiresAt = Timestamp.FromDateTimeOffset(Day0.AddDays(2));
        var lasting = Request(ById(profileId), "analytics", ConsentStatus.Granted, day: 1, basis: LawfulBasis.LegitimateInterests);

        await Host.Consent.RecordConsentAsync(lapsed);
        await Host.Consent.RecordConsentAsync(lapsed);
        await Host.Consent.RecordConsentAsync(lasting);
        var read = await Host.Consent.GetConsentAsync(new GetConsentRequest { Profile = ByEmail("bea") });

        Assert.Equal(["analytics", "sms"], read.Purposes.Select(p => p.Purpose));
        var sms = read.Purposes.Single(p => p.Purpose == "sms");
        Assert.Single(sms.History);
        Assert.True(sms.Expired);
        Assert.False(sms.Allows);
        var analytics = read.Purposes.Single(p => p.Purpose == "analytics");
        Assert.True(analytics.Allows);
        Assert.Equal(LawfulBasis.LegitimateInterests, analytics.Current.Basis);
    }

    [Fact]
    public async Task Merge_KeepsTheMostRestrictiveState_EvenAgainstANewerGrant()
    {
        var first = await NewProfileAsync("3", "cy");
        var phone = "+6129" + Random.Shared.Next(1_000_000, 9_999_999);
        var second = await Host.Ingestion.IngestAsync(Record("4", ("phone", phone), ("first_name", "cy")));
        Assert.NotEqual(first, second.ProfileId);
        await Host.Consent.RecordConsentAsync(Request(ById(first), "ads", ConsentStatus.Denied, day: 1));
        await Host.Consent.RecordConsentAsync(Request(ById(second.ProfileId), "ads", ConsentStatus.Granted, day: 9));
        await Host.Consent.RecordConsentAsync(Request(ById(second.ProfileId), "personalisation", ConsentStatus.Granted, day: 9));

        // One record carrying both identifiers makes the two profiles one person.
        var joined = await Host.Ingestion.IngestAsync(Record("5", ("email", Email("cy")), ("phone", phone)));
        var read = await Host.Consent.GetConsentAsync(new GetConsentRequest { Profile = ByEmail("cy") });

        Assert.Equal(IngestStatus.Merged, joined.Status);
        var ads = read.Purposes.Single(p => p.Purpose == "ads");
        Assert.Equal(ConsentStatus.Denied, ads.Current.Status);
        Assert.Equal("merge", ads.Current.Source);
        Assert.False(ads.Allows);
        Assert.True(read.Purposes.Single(p => p.Purpose == "personalisation").Allows);
        // The survivor answers for the merged profile too.
        var viaLoser = await Host.Consent.GetConsentAsync(new GetConsentRequest { Profile = ById(first == joined.ProfileId ? second.ProfileId : first) });
        Assert.Equal(joined.ProfileId, viaLoser.ProfileId);
    }

    [Fact]
    public async Task RecordConsent_BadInput_IsInvalidArgumentNamingEachField_AndChangesNothing()
    {
        var profileId = await NewProfileAsync("6", "dot");
        var bad = Request(ById(profileId), "telepathy", ConsentStatus.Unspecified, day: 3, basis: LawfulBasis.Unspecified);
        bad.Statement.ExpiresAt = Timestamp.FromDateTimeOffset(Day0.AddDays(1));

        var error = await Assert.ThrowsAsync<RpcException>(() => Host.Consent.RecordConsentAsync(bad).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["statement.purpose", "statement.status", "statement.basis", "statement.expires_at"], fields);
        var read = await Host.Consent.GetConsentAsync(new GetConsentRequest { Profile = ById(profileId) });
        Assert.Empty(read.Purposes);

        var noTime = Request(ById(profileId), "sms", ConsentStatus.Granted, day: 1);
        noTime.Statement.GivenAt = new Timestamp { Seconds = long.MaxValue };
        var badTime = await Assert.ThrowsAsync<RpcException>(() => Host.Consent.RecordConsentAsync(noTime).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badTime.StatusCode);
        Assert.Contains("statement.given_at", badTime.Status.Detail);

        var noLookup = await Assert.ThrowsAsync<RpcException>(() => Host.Consent.GetConsentAsync(new GetConsentRequest()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noLookup.StatusCode);
        Assert.Contains("profile", noLookup.Status.Detail);
    }

    [Fact]
    public async Task Ingest_RecordCarryingConsent_AddsItAsTheRecordsSource()
    {
        var record = Record("7", ("email", Email("eve")));
        record.ObservedAt = Timestamp.FromDateTimeOffset(Day0.AddDays(3));
        record.Consents.Add(new ConsentStatement { Purpose = "sms", Status = ConsentStatus.Granted, Basis = LawfulBasis.Consent, Source = "ignored" });
        record.Consents.Add(new ConsentStatement
        {
            Purpose = "ads",
            Status = ConsentStatus.Denied,
            Basis = LawfulBasis.Consent,
            GivenAt = Timestamp.FromDateTimeOffset(Day0.AddDays(1)),
        });

        var created = await Host.Ingestion.IngestAsync(record);
        var resent = await Host.Ingestion.IngestAsync(record);
        var read = await Host.Consent.GetConsentAsync(new GetConsentRequest { Profile = ById(created.ProfileId) });

        Assert.Equal(IngestStatus.Created, created.Status);
        Assert.Equal(IngestStatus.Unchanged, resent.Status);
        var sms = read.Purposes.Single(p => p.Purpose == "sms");
        Assert.True(sms.Allows);
        Assert.Equal(Source, sms.Current.Source);
        Assert.Equal(Day0.AddDays(3), sms.Current.GivenAt.ToDateTimeOffset());
        Assert.Single(sms.History);
        var ads = read.Purposes.Single(p => p.Purpose == "ads");
        Assert.Equal(ConsentStatus.Denied, ads.Current.Status);
        Assert.Equal(Day0.AddDays(1), ads.Current.GivenAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Ingest_RecordWithBadConsent_IsRefusedNamingTheField_AndStoresNothing()
    {
        var record = Record("8", ("email", Email("fay")));
        record.Consents.Add(new ConsentStatement { Purpose = "sms", Status = ConsentStatus.Granted, Basis = LawfulBasis.Consent });
        record.Consents.Add(new ConsentStatement { Purpose = "mind_reading", Status = ConsentStatus.Granted });

        var error = await Assert.ThrowsAsync<RpcException>(() => Host.Ingestion.IngestAsync(record).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["consents[1].purpose", "consents[1].basis"], fields);
        var lookup = await Assert.ThrowsAsync<RpcException>(() => Host.Consent.GetConsentAsync(new GetConsentRequest { Profile = ByEmail("fay") }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task Consent_ForNobody_IsNotFound()
    {
        var request = Request(ByEmail("nobody"), "sms", ConsentStatus.Granted, day: 1);

        var record = await Assert.ThrowsAsync<RpcException>(() => Host.Consent.RecordConsentAsync(request).ResponseAsync);
        var get = await Assert.ThrowsAsync<RpcException>(() => Host.Consent.GetConsentAsync(new GetConsentRequest { Profile = ById("p-" + records.Prefix) }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, record.StatusCode);
        Assert.Equal(StatusCode.NotFound, get.StatusCode);
    }

    private async Task<string> NewProfileAsync(string id, string name)
    {
        var outcome = await Host.Ingestion.IngestAsync(Record(id, ("email", Email(name)), ("first_name", name)));
        Assert.Equal(IngestStatus.Created, outcome.Status);
        return outcome.ProfileId;
    }

    private static RecordConsentRequest Request(ConsentLookup lookup, string purpose, ConsentStatus status, int day, LawfulBasis basis = LawfulBasis.Consent) => new()
    {
        Profile = lookup,
        Statement = new ConsentStatement
        {
            Purpose = purpose,
            Status = status,
            Basis = basis,
            Source = "crm",
            GivenAt = Timestamp.FromDateTimeOffset(Day0.AddDays(day)),
        },
    };

    private static ConsentLookup ById(string profileId) => new() { ProfileId = profileId };

    private ConsentLookup ByEmail(string name) => new() { Identifier = new Identifier { Type = "email", Value = Email(name) } };

    private ConsentLookup BySourceKey(string id) => new() { SourceKey = new SourceKey { Source = Source, RecordId = id } };
}
