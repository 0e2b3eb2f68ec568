using System.Security.Cryptography;
using Cdm.Api.V1;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;

namespace Cdm.ClusterTests.Gateway;

/// <summary>Authentication and roles of the gateway, through a real gRPC channel to the embedded default with auth required.</summary>
[Collection(SecuredHostCollection.Name)]
public sealed class AuthEndToEndTests(SecuredHostFixture fixture)
{
    private readonly ApiRecords records = new("crm");

    private EmbeddedHost Host => fixture.Host;

    private SourceRecord Person(string id, string name, string? source = null)
    {
        var record = records.Record(id, ("first_name", name), ("email", records.Email(name)), ("phone", "+6127" + Random.Shared.Next(1_000_000, 9_999_999)));
        if (source is not null)
        {
            record.Source = source;
        }

        return record;
    }

    private Task<Profile> AdminReadAsync(string email) =>
        Host.Profiles.GetProfileAsync(
            new GetProfileRequest { Identifier = new Identifier { Type = "email", Value = email }, Purpose = "stewardship" },
            fixture.Admin).ResponseAsync;

    private static async Task<RpcException> RefusedAsync(Func<Task> call, StatusCode expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, error.StatusCode);
        return error;
    }

    [Fact]
    public async Task Calls_WithoutCredentials_AreUnauthenticated_AndChangeNothing_ButHealthAnswers()
    {
        var record = Person("1", "ada");

        await RefusedAsync(() => Host.Ingestion.IngestAsync(record).ResponseAsync, StatusCode.Unauthenticated);
        await RefusedAsync(() => Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = "p1", Purpose = "analytics" }).ResponseAsync, StatusCode.Unauthenticated);
        await RefusedAsync(() => fixture.Access.ListApiKeysAsync(new ListApiKeysRequest()).ResponseAsync, StatusCode.Unauthenticated);

        await RefusedAsync(() => AdminReadAsync(records.Email("ada")), StatusCode.NotFound);
        var health = await new Health.HealthClient(Host.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task ForgedMalformedAndRevokedKeys_AreUnauthenticated()
    {
        var real = await fixture.KeyAsync("reader", ["reader"], purposes: ["analytics"]);
        var forged = string.Concat(real.AsSpan(0, real.Length - 4), "AAAA");
        var unknownId = "cdm_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + real[20..];
        var read = new GetProfileRequest { ProfileId = "p-" + records.Prefix, Purpose = "analytics" };

        // The real key gets past authentication (to NOT_FOUND); the others do not.
        await RefusedAsync(() => Host.Profiles.GetProfileAsync(read, SecuredHostFixture.ApiKey(real)).ResponseAsync, StatusCode.NotFound);
        foreach (var key in new[] { forged, unknownId, "not-a-key", real + "x", new string('a', 5000) })
        {
            await RefusedAsync(() => Host.Profiles.GetProfileAsync(read, SecuredHostFixture.ApiKey(key)).ResponseAsync, StatusCode.Unauthenticated);
        }

        var id = (await fixture.Access.ListApiKeysAsync(new ListApiKeysRequest(), fixture.Admin)).Keys.Single(k => real.Contains(k.Id, StringComparison.Ordinal)).Id;
        var revoked = await fixture.Access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Id = id }, fixture.Admin);
        Assert.Equal("test-admin", revoked.RevokedBy);
        await RefusedAsync(() => Host.Profiles.GetProfileAsync(read, SecuredHostFixture.ApiKey(real)).ResponseAsync, StatusCode.Unauthenticated);
        Assert.DoesNotContain((await fixture.Access.ListApiKeysAsync(new ListApiKeysRequest(), fixture.Admin)).Keys, k => k.Id == id);
    }

    [Fact]
    public async Task BadTokens_AreUnauthenticated()
    {
        var read = new GetProfileRequest { ProfileId = "p-" + records.Prefix, Purpose = "stewardship" };
        var good = fixture.Token("someone", ["steward"]);

        await RefusedAsync(() => Host.Profiles.GetProfileAsync(read, SecuredHostFixture.Bearer(good)).ResponseAsync, StatusCode.NotFound);
        foreach (var bad in new[]
        {
            fixture.Token("someone", ["admin"], lifetime: TimeSpan.FromMinutes(-10)),
            fixture.Token("someone", ["admin"], audience: "another-service"),
            fixture.Token("someone", ["admin"], key: RandomNumberGenerator.GetBytes(32)),
            good[..^3] + "abc",
            "garbage",
        })
        {
            await RefusedAsync(() => Host.Profiles.GetProfileAsync(read, SecuredHostFixture.Bearer(bad)).ResponseAsync, StatusCode.Unauthenticated);
        }
    }

    [Fact]
    public async Task SourceKey_WritesOnlyItsOwnSource_AndReadsNothing()
    {
        var key = SecuredHostFixture.ApiKey(await fixture.KeyAsync("crm sync", ["source"], sources: [records.Source]));

        var own = await Host.Ingestion.IngestAsync(Person("2", "bea"), key);
        var foreign = await RefusedAsync(() => Host.Ingestion.IngestAsync(Person("3", "cy", source: "shop-" + records.Prefix), key).ResponseAsync, StatusCode.PermissionDenied);
        await RefusedAsync(() => Host.Ingestion.DeleteRecordAsync(new DeleteRecordRequest { Source = "shop-" + records.Prefix, RecordId = "3" }, key).ResponseAsync, StatusCode.PermissionDenied);
        await RefusedAsync(() => Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = own.ProfileId, Purpose = "analytics" }, key).ResponseAsync, StatusCode.PermissionDenied);

        Assert.Equal(IngestStatus.Created, own.Status);
        Assert.Equal("source", Assert.Single(foreign.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        await RefusedAsync(() => AdminReadAsync(records.Email("cy")), StatusCode.NotFound);
        Assert.Equal(own.ProfileId, (await AdminReadAsync(records.Email("bea"))).ProfileId);
    }

    [Fact]
    public async Task SourceKey_StreamingAForeignRecord_IsDenied_AfterTheRecordsBeforeIt()
    {
        var key = SecuredHostFixture.ApiKey(await fixture.KeyAsync("crm stream", ["source"], sources: [records.Source]));

        using var call = Host.Ingestion.IngestStream(key);
        await call.RequestStream.WriteAsync(Person("4", "dot"));
        await call.RequestStream.WriteAsync(Person("5", "eve", source: "shop-" + records.Prefix));
        await call.RequestStream.WriteAsync(Person("6", "fay"));
        await call.RequestStream.CompleteAsync();
        var results = new List<IngestResult>();
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var result in call.ResponseStream.ReadAllAsync())
            {
                results.Add(result);
            }
        });

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal([0UL], results.Select(r => r.Index));
        await AdminReadAsync(records.Email("dot"));
        await RefusedAsync(() => AdminReadAsync(records.Email("eve")), StatusCode.NotFound);
        await RefusedAsync(() => AdminReadAsync(records.Email("fay")), StatusCode.NotFound);
    }

    [Fact]
    public async Task ReaderKey_ReadsOnlyForItsPurposes_AndNoStewardTools()
    {
        var writer = SecuredHostFixture.ApiKey(await fixture.KeyAsync("writer", ["source"], sources: [records.Source]));
        var reader = SecuredHostFixture.ApiKey(await fixture.KeyAsync("analytics", ["reader"], purposes: ["analytics"]));
        var created = await Host.Ingestion.IngestAsync(Person("7", "gus"), writer);

        var read = await Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = created.ProfileId, Purpose = "analytics" }, reader);
        var denied = await RefusedAsync(
            () => Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = created.ProfileId, Purpose = "email_marketing" }, reader).ResponseAsync,
            StatusCode.PermissionDenied);
        await RefusedAsync(() => new Stewardship.StewardshipClient(Host.Channel).ListReviewsAsync(new ListReviewsRequest(), reader).ResponseAsync, StatusCode.PermissionDenied);
        await RefusedAsync(() => fixture.Access.CreateApiKeyAsync(new CreateApiKeyRequest { Name = "mine", Roles = { "admin" } }, reader).ResponseAsync, StatusCode.PermissionDenied);

        Assert.Equal("analytics", read.Purpose);
        Assert.Contains("may read only for analytics", denied.Status.Detail, StringComparison.Ordinal);
        var steward = SecuredHostFixture.Bearer(fixture.Token("steward-1", ["steward"]));
        await new Stewardship.StewardshipClient(Host.Channel).ListReviewsAsync(new ListReviewsRequest(), steward);
        await RefusedAsync(() => Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = created.ProfileId, Purpose = "analytics" }, steward).ResponseAsync, StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task CreateApiKey_BadRequest_IsInvalidArgumentNamingEachField()
    {
        var request = new CreateApiKeyRequest { Name = "", Roles = { "root", "reader" }, Sources = { "crm" }, Purposes = { "curiosity" } };

        var error = await RefusedAsync(() => fixture.Access.CreateApiKeyAsync(request, fixture.Admin).ResponseAsync, StatusCode.InvalidArgument);

        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["name", "roles[0]", "sources", "purposes[0]"], fields);
    }

    [Fact]
    public async Task WhoAmI_SaysWhoTheCallerIs()
    {
        var key = await fixture.KeyAsync("who", ["reader", "source"], sources: ["crm"], purposes: ["sms", "ads"]);

        var caller = await fixture.Access.WhoAmIAsync(new WhoAmIRequest(), SecuredHostFixture.ApiKey(key));

        Assert.False(caller.Open);
        Assert.StartsWith("key:", caller.Name, StringComparison.Ordinal);
        Assert.EndsWith("(who)", caller.Name, StringComparison.Ordinal);
        Assert.Equal(["reader", "source"], caller.Roles);
        Assert.Equal(["ads", "sms"], caller.Purposes);
    }

    [Fact]
    public async Task OversizedAndHostileInputs_AreRefused_AndChangeNothing()
    {
        var admin = fixture.Admin;
        var huge = records.Record("9", ("email", records.Email("huge")), ("notes", new string('x', 2 * 1024 * 1024)));
        var oversized = await RefusedAsync(() => Host.Ingestion.IngestAsync(huge, admin).ResponseAsync, StatusCode.ResourceExhausted);
        var longPurpose = await RefusedAsync(
            () => Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = "p-" + records.Prefix, Purpose = new string('a', 10_000) }, admin).ResponseAsync,
            StatusCode.InvalidArgument);
        await RefusedAsync(
            () => Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = "p-" + records.Prefix, Purpose = "analytics\n' OR 1=1 --" }, admin).ResponseAsync,
            StatusCode.InvalidArgument);
        // An unsigned token ("alg": "none") claiming every role.
        var unsigned = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + Base64Url(
            $"{{\"sub\":\"mallory\",\"roles\":[\"admin\"],\"iss\":\"{SecuredHostFixture.Issuer}\",\"aud\":\"{SecuredHostFixture.Audience}\",\"exp\":{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}") + ".";
        await RefusedAsync(() => fixture.Access.ListApiKeysAsync(new ListApiKeysRequest(), SecuredHostFixture.Bearer(unsigned)).ResponseAsync, StatusCode.Unauthenticated);
        var name = new CreateApiKeyRequest { Name = "tab\there", Roles = { "admin" } };
        await RefusedAsync(() => fixture.Access.CreateApiKeyAsync(name, admin).ResponseAsync, StatusCode.InvalidArgument);

        Assert.Contains("message", oversized.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(new string('a', 200), longPurpose.Status.Detail, StringComparison.Ordinal);
        await RefusedAsync(() => AdminReadAsync(records.Email("huge")), StatusCode.NotFound);
    }

    private static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
}
