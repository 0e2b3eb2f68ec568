using Cdm.Api.V1;
using Cdm.ClusterTests.Gateway;
using Grpc.Core;

namespace Cdm.ClusterTests.Matching;

/// <summary>Probabilistic links, review tasks and steward decisions through the gRPC API.</summary>
[Collection(MatchingHostCollection.Name)]
public sealed class ProbabilisticMatchingTests(MatchingHostFixture fixture)
{
    // Letters only: a per-test surname whose phonetic block no other test shares.
    private readonly string surname = "Q" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8).Select(c => (char)('a' + (c - 'a') % 26))]);

    private EmbeddedHost Host => fixture.Host;

    [Fact]
    public async Task RecordsWithoutASharedIdentifier_LinkWhenTheyScoreAboveTheUpperThreshold()
    {
        var first = await Host.Ingestion.IngestAsync(Person("1", "Jonathan", "1980-03-04", "2000", "Sydney"));
        var second = await Host.Ingestion.IngestAsync(Person("2", "Jonathan", "1980-03-04", "2000", "Sydney"));

        Assert.Equal(IngestStatus.Linked, second.Status);
        Assert.Equal(first.ProfileId, second.ProfileId);
        var profile = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", ProfileId = second.ProfileId });
        var member = Assert.Single(profile.Records, r => r.RecordId == "2");
        Assert.StartsWith("match with src:" + Source + ":1", member.LinkReason);
        Assert.Contains("bits", member.LinkReason);
    }

    [Fact]
    public async Task ADeletedRecord_IsNoLongerACandidate()
    {
        var first = await Host.Ingestion.IngestAsync(Person("1", "Beatrice", "1982-05-06", "2600", "Canberra"));
        await Host.Ingestion.DeleteRecordAsync(new DeleteRecordRequest { Source = Source, RecordId = "1" });

        var second = await Host.Ingestion.IngestAsync(Person("2", "Beatrice", "1982-05-06", "2600", "Canberra"));

        Assert.Equal(IngestStatus.Created, second.Status);
        Assert.NotEqual(first.ProfileId, second.ProfileId);
    }

    [Fact]
    public async Task APairBetweenTheThresholds_OpensOneReviewTaskWithBothRecordsAndTheEvidence()
    {
        var first = await Host.Ingestion.IngestAsync(Person("1", "Margaret", "1975-11-20", "3000", "Melbourne"));
        // Same names and birth date (+12 bits), other postcode and city (-8 bits): 4 bits, review.
        var second = await Host.Ingestion.IngestAsync(Person("2", "Margaret", "1975-11-20", "4000", "Brisbane"));
        Assert.NotEqual(first.ProfileId, second.ProfileId);

        var task = await FindTaskAsync();
        Assert.Equal("possible_match", task.Kind);
        Assert.Equal(ReviewStatus.Open, task.Status);
        Assert.Equal(new[] { first.ProfileId, second.ProfileId }.Order(), new[] { task.Left.ProfileId, task.Right.ProfileId }.Order());
        Assert.Equal(4.0, task.Weight, 6);
        Assert.Contains(task.Evidence, e => e.Field == "postcode" && e.Weight < 0);
        Assert.Contains(task.Evidence, e => e.Field == "birth_date" && e.Weight > 0);
        Assert.Equal("Margaret", task.Left.Current.Attributes["first_name"]);
        Assert.Equal("Margaret", task.Right.Current.Attributes["first_name"]);
        Assert.False(task.SameProfile);
    }

    [Fact]
    public async Task AcceptingATask_MergesTheTwoProfiles()
    {
        var first = await Host.Ingestion.IngestAsync(Person("1", "Eleanor", "1990-01-15", "6000", "Perth"));
        var second = await Host.Ingestion.IngestAsync(Person("2", "Eleanor", "1990-01-15", "5000", "Adelaide"));
        var task = await FindTaskAsync();

        var decision = await fixture.Stewardship.AcceptReviewAsync(new ReviewDecisionRequest { TaskId = task.TaskId, Steward = "ann" });

        Assert.Equal(ReviewStatus.Accepted, decision.Task.Status);
        Assert.Equal("ann", decision.Task.DecidedBy);
        var a = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", SourceKey = new SourceKey { Source = Source, RecordId = "1" } });
        var b = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", SourceKey = new SourceKey { Source = Source, RecordId = "2" } });
        Assert.Equal(a.ProfileId, b.ProfileId);
        Assert.Equal(decision.ProfileId, a.ProfileId);
        Assert.Contains(new[] { first.ProfileId, second.ProfileId }, id => id == a.ProfileId);
        var history = await Host.Profiles.GetHistoryAsync(new GetHistoryRequest { Purpose = "stewardship", ProfileId = a.ProfileId });
        Assert.Contains(history.Events, e => e.Kind == HistoryEventKind.Absorbed && e.Reason.Contains("steward ann accepted review", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RejectingATask_KeepsTheRecordsApart_EvenWhenALaterRecordMatchesBoth()
    {
        var first = await Host.Ingestion.IngestAsync(Person("1", "Theodore", "1965-07-30", "7000", "Hobart"));
        var second = await Host.Ingestion.IngestAsync(Person("2", "Theodore", "1965-07-30", "0800", "Darwin"));
        var task = await FindTaskAsync();
        var rejected = await fixture.Stewardship.RejectReviewAsync(new ReviewDecisionRequest { TaskId = task.TaskId, Steward = "bo" });
        Assert.Equal(ReviewStatus.Rejected, rejected.Task.Status);

        // A record that links to each of them above the upper threshold: both links cannot hold.
        var bridge = await Host.Ingestion.IngestAsync(Person("3", "Theodore", "1965-07-30", "7000", "Darwin", street: "1 King St"));
        var a = await ProfileOfAsync("1");
        var b = await ProfileOfAsync("2");
        Assert.NotEqual(a.ProfileId, b.ProfileId);
        Assert.Contains(bridge.ProfileId, new[] { a.ProfileId, b.ProfileId });
        Assert.Contains(new[] { first.ProfileId, second.ProfileId }, id => id == a.ProfileId);
        var open = await fixture.Stewardship.ListReviewsAsync(new ListReviewsRequest { Limit = 1000 });
        var conflict = Assert.Single(open.Tasks, t => t.Kind == "link_conflict" && t.Left.Record.Source == Source);
        Assert.Equal("3", conflict.Left.Record.RecordId);

        // Accepting the rejected pair now is refused, and changes nothing.
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Stewardship.AcceptReviewAsync(new ReviewDecisionRequest { TaskId = task.TaskId, Steward = "cy" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.NotEqual((await ProfileOfAsync("1")).ProfileId, (await ProfileOfAsync("2")).ProfileId);
    }

    [Fact]
    public async Task StewardCalls_CheckTheirArguments()
    {
        var missing = await Assert.ThrowsAsync<RpcException>(() => fixture.Stewardship.AcceptReviewAsync(new ReviewDecisionRequest { TaskId = "nope|nothing", Steward = "ann" }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var noSteward = await Assert.ThrowsAsync<RpcException>(() => fixture.Stewardship.RejectReviewAsync(new ReviewDecisionRequest { TaskId = "x" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noSteward.StatusCode);
        Assert.Contains("steward", noSteward.Status.Detail);
        var badLimit = await Assert.ThrowsAsync<RpcException>(() => fixture.Stewardship.ListReviewsAsync(new ListReviewsRequest { Limit = 5000 }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badLimit.StatusCode);
        var badModel = await Assert.ThrowsAsync<RpcException>(() => fixture.Models.AddModelAsync(new AddModelRequest { Document = "{\"version\":\"other\"}" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badModel.StatusCode);
        Assert.Contains("document", badModel.Status.Detail);
    }

    [Fact]
    public async Task Models_AreVersionedShownAndSwitched()
    {
        var active = await fixture.Models.GetModelAsync(new GetModelRequest());
        Assert.True(active.Active);
        Assert.Contains("cdm-fellegi-sunter/1", active.Document);
        var added = await fixture.Models.AddModelAsync(new AddModelRequest { Document = active.Document, Description = "copy" });
        Assert.False(added.Active);
        Assert.True(added.Version > active.Version);
        var listed = await fixture.Models.ListModelsAsync(new ListModelsRequest());
        Assert.Contains(listed.Models, m => m.Version == added.Version && m.Description == "copy" && m.Document.Length == 0);

        // Switch to the copy and back: the active version follows, nothing restarts.
        await fixture.Models.ActivateModelAsync(new ActivateModelRequest { Version = added.Version });
        Assert.Equal(added.Version, (await fixture.Models.GetModelAsync(new GetModelRequest())).Version);
        await fixture.Models.ActivateModelAsync(new ActivateModelRequest { Version = active.Version });
        Assert.Equal(active.Version, (await fixture.Models.GetModelAsync(new GetModelRequest())).Version);
        var unknown = await Assert.ThrowsAsync<RpcException>(() => fixture.Models.ActivateModelAsync(new ActivateModelRequest { Version = 9999 }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    private string Source => "m" + surname.ToLowerInvariant();

    private async Task<Api.V1.ReviewTask> FindTaskAsync()
    {
        var list = await fixture.Stewardship.ListReviewsAsync(new ListReviewsRequest { Limit = 1000 });
        return Assert.Single(list.Tasks, t => t.Left.Record.Source == Source && t.Kind == "possible_match");
    }

    private Task<Profile> ProfileOfAsync(string id) =>
        Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", SourceKey = new SourceKey { Source = Source, RecordId = id } }).ResponseAsync;

    private SourceRecord Person(string id, string firstName, string birthDate, string postcode, string city, string? street = null)
    {
        var record = new SourceRecord { Source = Source, RecordId = id };
        record.Attributes["first_name"] = firstName;
        record.Attributes["last_name"] = surname;
        record.Attributes["birth_date"] = birthDate;
        record.Attributes["postcode"] = postcode;
        record.Attributes["city"] = city;
        if (street is not null)
        {
            record.Attributes["address_line1"] = street;
        }

        return record;
    }
}
