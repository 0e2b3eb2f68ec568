using Cdm.Api.V1;
using Google.Rpc;
using Grpc.Core;

namespace Cdm.ClusterTests.Gateway;

/// <summary>Data minimisation by source schema, through the gateway (sources configured by <see cref="SecuredHostFixture"/>).</summary>
[Collection(SecuredHostCollection.Name)]
public sealed class MinimisationEndToEndTests(SecuredHostFixture fixture)
{
    private readonly string prefix = Guid.NewGuid().ToString("N")[..10];

    private EmbeddedHost Host => fixture.Host;

    private SourceRecord Record(string source, string id)
    {
        var record = new SourceRecord { Source = source, RecordId = $"{id}-{prefix}" };
        record.Attributes["email"] = $"{id}.{prefix}@cdmtest.net";
        record.Attributes["first_name"] = "Ada";
        record.Attributes["birth_date"] = "1990-05-01";
        record.Attributes["religion"] = "none";
        record.Identifiers.Add(new Identifier { Type = "loyalty_id", Value = "L-" + prefix });
        record.Identifiers.Add(new Identifier { Type = "national_id", Value = "N-" + prefix });
        return record;
    }

    [Fact]
    public async Task ASourceSendingMoreThanItsSchema_HasTheRestDropped_ToldToIt_AndNeverStored()
    {
        var source = SecuredHostFixture.ApiKey(await fixture.KeyAsync("web-" + prefix, ["source"], sources: [SecuredHostFixture.DroppingSource]));
        var record = Record(SecuredHostFixture.DroppingSource, "1");

        var result = await Host.Ingestion.IngestAsync(record, source);
        var profile = await Host.Profiles.GetProfileAsync(new GetProfileRequest { ProfileId = result.ProfileId, Purpose = "stewardship", IncludeVersions = true }, fixture.Admin);

        Assert.Equal(IngestStatus.Created, result.Status);
        var dropped = result.QualityFlags.Where(f => f.Issue.Contains("dropped", StringComparison.Ordinal)).Select(f => f.Attribute).Order(StringComparer.Ordinal);
        Assert.Equal(["birth_date", "identifiers.national_id", "religion"], dropped);
        var stored = Assert.Single(profile.Records).Current;
        Assert.Equal(["email", "first_name"], stored.Attributes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["email", "loyalty_id"], stored.Identifiers.Select(i => i.Type).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("N-" + prefix, profile.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(profile.Golden, g => g.Attribute is "birth_date" or "age_band" or "religion");
    }

    [Fact]
    public async Task ASourceThatRefusesTheUnlisted_HasTheRecordRefused_NamingEachField()
    {
        var record = Record(SecuredHostFixture.RefusingSource, "2");

        var error = await Assert.ThrowsAsync<RpcException>(() => Host.Ingestion.IngestAsync(record, fixture.Admin).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["attributes.birth_date", "attributes.first_name", "attributes.religion"], fields);
        var lookup = await Assert.ThrowsAsync<RpcException>(() => Host.Profiles.GetProfileAsync(
            new GetProfileRequest { Identifier = new Identifier { Type = "email", Value = record.Attributes["email"] }, Purpose = "stewardship" }, fixture.Admin).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }
}
