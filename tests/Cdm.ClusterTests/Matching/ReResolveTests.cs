using Cdm.Api.V1;
using Cdm.Cli.Commands;
using Cdm.ClusterTests.Gateway;
using Grpc.Core;

namespace Cdm.ClusterTests.Matching;

/// <summary>
/// Re-resolving with another model, through the gRPC API, on a host of its own (switching models in the shared
/// matching host would disturb the other tests): records ingested with no model and with a permissive model A,
/// then a shadow run and an apply run with the stricter model B.
/// </summary>
public sealed class ReResolveTests : IAsyncLifetime
{
    private const string Source = "rr";
    private const string Surname = "Quixwell";

    private readonly EmbeddedHost host = new(null, "--Cdm:Matching:ModelRefreshInterval=00:00:00");

    private Models.ModelsClient Models => new(host.Channel);

    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    [Fact]
    public async Task ShadowReportsWithoutChanging_ApplyMakesExactlyThoseChanges()
    {
        // No model: b1 and b2 (the same person, 20 bits under model B) stay apart; c1 and c2 share an email.
        await host.Ingestion.IngestAsync(Person("b1", "Jonathan", "1980-03-04", "2000", "Sydney"));
        await host.Ingestion.IngestAsync(Person("b2", "Jonathan", "1980-03-04", "2000", "Sydney"));
        await host.Ingestion.IngestAsync(Person("c1", "Beatrice", "1970-05-06", "2600", "Canberra", "bea@quixwell.org"));
        await host.Ingestion.IngestAsync(Person("c2", "Bernadette", "1971-07-08", "0800", "Darwin", "bea@quixwell.org"));
        // Model A links at 2 bits: a1 and a2 (4 bits: names and birth date agree, postcode and city do not) link.
        await Models.AddModelAsync(new AddModelRequest { Document = TestMatchModel.Document(linkBits: 2), Description = "A", Activate = true });
        await host.Ingestion.IngestAsync(Person("a1", "Margaret", "1975-11-20", "3000", "Melbourne"));
        var a2 = await host.Ingestion.IngestAsync(Person("a2", "Margaret", "1975-11-20", "4000", "Brisbane"));
        Assert.Equal(IngestStatus.Linked, a2.Status);
        var modelB = await Models.AddModelAsync(new AddModelRequest { Document = TestMatchModel.Document(), Description = "B" });
        var before = await CrossReferencesAsync();
        Assert.Equal(4, before.Values.Distinct().Count());

        var (shadow, phases) = await ReResolveAsync(modelB.Version, apply: false);

        Assert.Equal([.. "scanning profiles,blocking,scoring,linking,done".Split(',')], phases);
        Assert.False(shadow.Applied);
        Assert.Equal(modelB.Version, shadow.ModelVersion);
        Assert.Equal(4, shadow.Profiles);
        Assert.Equal(6, shadow.Records);
        Assert.Equal(1, shadow.WouldMergeGroups);
        Assert.Equal(2, shadow.WouldMergeProfiles);
        Assert.Equal(1, shadow.WouldSplitProfiles);
        Assert.Equal(0, shadow.MergesApplied + shadow.SplitsApplied);
        var merge = Assert.Single(shadow.Examples, e => e.Kind == ReResolveChange.Merge);
        Assert.Equal(new[] { before["b1"], before["b2"] }.Order(StringComparer.Ordinal), merge.ProfileIds);
        Assert.Equal(["src:rr:b1", "src:rr:b2"], merge.Groups.Single().SourceKeys);
        Assert.Contains("bits", merge.Reason, StringComparison.Ordinal);
        var split = Assert.Single(shadow.Examples, e => e.Kind == ReResolveChange.Split);
        Assert.Equal(before["a1"], split.ProfileIds.Single());
        Assert.Equal(["src:rr:a1|src:rr:a2"], [string.Join("|", split.Groups.SelectMany(static g => g.SourceKeys).Order(StringComparer.Ordinal))]);
        Assert.Equal(2, split.Groups.Count);
        Assert.Equal(before, await CrossReferencesAsync());

        var (applied, appliedPhases) = await ReResolveAsync(modelB.Version, apply: true);

        Assert.Contains("applying", appliedPhases);
        Assert.True(applied.Applied);
        Assert.Equal(1, applied.MergesApplied);
        Assert.Equal(1, applied.SplitsApplied);
        var after = await CrossReferencesAsync();
        // The planner's partition: {a1}, {a2}, {b1, b2}, {c1, c2}; b merged into the smaller id, a1 kept its profile.
        Assert.Equal(before["a1"], after["a1"]);
        Assert.NotEqual(after["a1"], after["a2"]);
        Assert.Equal(new[] { before["b1"], before["b2"] }.Min(StringComparer.Ordinal), after["b1"]);
        Assert.Equal(after["b1"], after["b2"]);
        Assert.Equal(before["c1"], after["c2"]);
        Assert.Equal(4, after.Values.Distinct().Count());
        var split2 = await host.Profiles.GetHistoryAsync(new GetHistoryRequest { Purpose = "stewardship", ProfileId = after["a2"] });
        Assert.Contains(split2.Events, e => e.Reason.Contains($"re-resolved with model v{modelB.Version}", StringComparison.Ordinal));

        // The profiles now are what model B implies: another run finds nothing to change.
        var (again, _) = await ReResolveAsync(modelB.Version, apply: false);
        Assert.Equal(0, again.WouldMergeGroups + again.WouldSplitProfiles);
        Assert.Equal(4, again.Profiles);
    }

    [Fact]
    public async Task AnAcceptedReview_IsNotSplitByAModelThatDoesNotLinkIt()
    {
        var model = await Models.AddModelAsync(new AddModelRequest { Document = TestMatchModel.Document(), Description = "B", Activate = true });
        // Names and birth date agree, postcode and city do not: 4 bits under model B, a review task rather than a link.
        await host.Ingestion.IngestAsync(Person("e1", "Margaret", "1975-11-20", "3000", "Melbourne"));
        await host.Ingestion.IngestAsync(Person("e2", "Margaret", "1975-11-20", "4000", "Brisbane"));
        var stewardship = new Api.V1.Stewardship.StewardshipClient(host.Channel);
        var task = Assert.Single((await stewardship.ListReviewsAsync(new ListReviewsRequest { Limit = 1000 })).Tasks, static t => t.Kind == "possible_match");
        var decision = await stewardship.AcceptReviewAsync(new ReviewDecisionRequest { TaskId = task.TaskId, Steward = "ann" });
        Assert.Equal(ReviewStatus.Accepted, decision.Task.Status);
        var before = await CrossReferencesAsync();
        Assert.Equal(before["e1"], before["e2"]);

        var (shadow, _) = await ReResolveAsync(model.Version, apply: false);

        Assert.Equal(1, shadow.Profiles);
        Assert.Equal(0, shadow.WouldSplitProfiles);
        Assert.Equal(0, shadow.WouldMergeGroups);
        Assert.DoesNotContain(shadow.Examples, static e => e.Kind == ReResolveChange.Split);
        Assert.Equal(1, shadow.AcceptedLinks);

        var (applied, _) = await ReResolveAsync(model.Version, apply: true);
        Assert.Equal(0, applied.SplitsApplied);
        Assert.Equal(before, await CrossReferencesAsync());
    }

    [Fact]
    public async Task UnknownModelVersion_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => ReResolveAsync(99, apply: false));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task ReResolveCommand_ShadowChangesNothing_ApplyMerges()
    {
        await host.Ingestion.IngestAsync(Person("d1", "Jonathan", "1980-03-04", "2000", "Sydney"));
        await host.Ingestion.IngestAsync(Person("d2", "Jonathan", "1980-03-04", "2000", "Sydney"));
        var model = await Models.AddModelAsync(new AddModelRequest { Document = TestMatchModel.Document(), Description = "B" });
        var version = model.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = await CrossReferencesAsync();
        Assert.NotEqual(before["d1"], before["d2"]);

        Assert.Equal(ExitCodes.Ok, await CdmCommand.RunAsync(["model", "reresolve", "--version", version, "--examples", "3", "--gateway", host.Url]));
        Assert.Equal(before, await CrossReferencesAsync());
        Assert.Equal(ExitCodes.NotFound, await CdmCommand.RunAsync(["model", "reresolve", "--version", "99", "--gateway", host.Url]));

        Assert.Equal(ExitCodes.Ok, await CdmCommand.RunAsync(["model", "reresolve", "--version", version, "--apply", "--gateway", host.Url]));
        var after = await CrossReferencesAsync();
        Assert.Equal(after["d1"], after["d2"]);
        Assert.Equal(new[] { before["d1"], before["d2"] }.Min(StringComparer.Ordinal), after["d1"]);
    }

    private async Task<(ReResolveSummary Summary, List<string> Phases)> ReResolveAsync(int version, bool apply)
    {
        using var call = Models.ReResolve(new ReResolveRequest { ModelVersion = version, Apply = apply, MaxExamples = 5 });
        var phases = new List<string>();
        ReResolveSummary? summary = null;
        await foreach (var step in call.ResponseStream.ReadAllAsync())
        {
            if (phases.Count == 0 || phases[^1] != step.Phase)
            {
                phases.Add(step.Phase);
            }

            Assert.True(step.Total == 0 || step.Done <= step.Total, $"phase {step.Phase}: done {step.Done} of {step.Total}");
            summary ??= step.Summary;
        }

        return (summary ?? throw new InvalidOperationException("no summary"), phases);
    }

    private async Task<Dictionary<string, string>> CrossReferencesAsync()
    {
        using var call = host.Profiles.ListCrossReferences(new ListCrossReferencesRequest { Source = Source });
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var reference in call.ResponseStream.ReadAllAsync())
        {
            map.Add(reference.RecordId, reference.ProfileId);
        }

        return map;
    }

    private static SourceRecord Person(string id, string firstName, string birthDate, string postcode, string city, string? email = null)
    {
        var record = new SourceRecord { Source = Source, RecordId = id };
        record.Attributes["first_name"] = firstName;
        record.Attributes["last_name"] = Surname;
        record.Attributes["birth_date"] = birthDate;
        record.Attributes["postcode"] = postcode;
        record.Attributes["city"] = city;
        if (email is not null)
        {
            record.Attributes["email"] = email;
        }

        return record;
    }
}
