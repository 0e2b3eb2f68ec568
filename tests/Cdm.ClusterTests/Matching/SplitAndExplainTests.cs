using Cdm.Api.V1;
using Cdm.ClusterTests.Gateway;
using Grpc.Core;

namespace Cdm.ClusterTests.Matching;

/// <summary>Splitting a record out of a profile and explaining a profile, through the gRPC API.</summary>
[Collection(MatchingHostCollection.Name)]
public sealed class SplitAndExplainTests(MatchingHostFixture fixture)
{
    private readonly string prefix = Guid.NewGuid().ToString("N")[..10];

    private EmbeddedHost Host => fixture.Host;

    private string Source => "split-" + prefix;

    [Fact]
    public async Task ASplitRecord_GetsItsOwnProfile_BothGoldenRecordsAreRecomputed_AndLaterIngestsRespectIt()
    {
        var first = await Host.Ingestion.IngestAsync(Record("1", ("email", Email), ("city", "Perth"), ("first_name", "Ann")));
        var second = await Host.Ingestion.IngestAsync(Record("2", ("email", Email), ("nickname", "Bee")));
        Assert.Equal(first.ProfileId, second.ProfileId);

        var split = await fixture.Stewardship.SplitRecordAsync(new SplitRecordRequest { Record = Key("2"), Steward = "ann" });

        Assert.Equal(first.ProfileId, split.PreviousProfileId);
        Assert.NotEqual(first.ProfileId, split.ProfileId);
        var stayed = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", ProfileId = first.ProfileId });
        var left = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", SourceKey = Key("2") });
        Assert.Equal(split.ProfileId, left.ProfileId);
        Assert.Equal(["1"], stayed.Records.Select(r => r.RecordId));
        Assert.Equal(["2"], left.Records.Select(r => r.RecordId));
        Assert.DoesNotContain(stayed.Golden, g => g.Attribute == "nickname");
        Assert.Contains(left.Golden, g => g.Attribute == "nickname" && g.Value == "Bee");
        Assert.DoesNotContain(left.Golden, g => g.Attribute == "city");

        // A new version of the split record still carries the shared email: it stays in its own profile.
        var again = await Host.Ingestion.IngestAsync(Record("2", ("email", Email), ("nickname", "Bea")));
        Assert.Equal(split.ProfileId, again.ProfileId);
        Assert.Equal(first.ProfileId, (await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", SourceKey = Key("1") })).ProfileId);

        var explained = await fixture.Stewardship.ExplainProfileAsync(new GetProfileRequest { ProfileId = first.ProfileId });
        var member = Assert.Single(explained.Records);
        Assert.Equal("1", member.Record.RecordId);
        Assert.Contains($"src:{Source}:2", member.DoNotLink);
        Assert.Contains(explained.Links, l => l.Kind == HistoryEventKind.SplitOut && l.Reason.Contains("steward ann", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Explain_GivesEachRecordsReason()
    {
        var first = await Host.Ingestion.IngestAsync(Record("a", ("email", Email)));
        await Host.Ingestion.IngestAsync(Record("b", ("email", Email)));

        var explained = await fixture.Stewardship.ExplainProfileAsync(new GetProfileRequest { SourceKey = Key("b") });

        Assert.Equal(first.ProfileId, explained.ProfileId);
        Assert.Equal("new profile", explained.Records.Single(r => r.Record.RecordId == "a").LinkReason);
        Assert.StartsWith("identifier email:", explained.Records.Single(r => r.Record.RecordId == "b").LinkReason);
    }

    [Fact]
    public async Task Split_OfALoneOrUnknownRecord_IsRefusedAndChangesNothing()
    {
        var alone = await Host.Ingestion.IngestAsync(Record("alone", ("city", "Oslo")));
        var refused = await Assert.ThrowsAsync<RpcException>(() => fixture.Stewardship.SplitRecordAsync(new SplitRecordRequest { Record = Key("alone"), Steward = "ann" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(alone.ProfileId, (await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", SourceKey = Key("alone") })).ProfileId);

        var unknown = await Assert.ThrowsAsync<RpcException>(() => fixture.Stewardship.SplitRecordAsync(new SplitRecordRequest { Record = Key("none"), Steward = "ann" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var invalid = await Assert.ThrowsAsync<RpcException>(() => fixture.Stewardship.SplitRecordAsync(new SplitRecordRequest { Record = Key("alone") }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
    }

    private string Email => $"split.{prefix}@cdmtest.net";

    private SourceKey Key(string id) => new() { Source = Source, RecordId = id };

    private SourceRecord Record(string id, params (string Name, string Value)[] attributes)
    {
        var record = new SourceRecord { Source = Source, RecordId = id };
        foreach (var (name, value) in attributes)
        {
            record.Attributes[name] = value;
        }

        return record;
    }
}
