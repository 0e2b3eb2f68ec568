using Cdm.Api.V1;
using Cdm.Cli.Commands;
using Cdm.ClusterTests.Gateway;

namespace Cdm.ClusterTests.Matching;

/// <summary>The steward and model commands of <c>cdm</c> against a real embedded host.</summary>
[Collection(MatchingHostCollection.Name)]
public sealed class StewardCommandTests(MatchingHostFixture fixture) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("cdm-steward").FullName;
    private readonly string surname = "Z" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(8)]);

    private EmbeddedHost Host => fixture.Host;

    private string Source => "cli" + surname.ToLowerInvariant();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task ModelCommands_TrainFromAFile_ListShowAndActivate()
    {
        var file = Path.Combine(directory, "people.csv");
        var rows = Enumerable.Range(0, 60).Select(i => $"{i},Name{i % 7},{surname}{i % 5},198{i % 10}-0{1 + i % 9}-1{i % 10},{2000 + i % 4}");
        await File.WriteAllLinesAsync(file, ["id,first_name,last_name,birth_date,postcode", .. rows]);
        var before = (await fixture.Models.ListModelsAsync(new ListModelsRequest())).Models.Count;
        var active = await fixture.Models.GetModelAsync(new GetModelRequest());

        Assert.Equal(ExitCodes.Ok, await Run("model", "train", file, "--source", Source, "--id-column", "id", "--description", "from a file"));

        var models = (await fixture.Models.ListModelsAsync(new ListModelsRequest())).Models;
        Assert.Equal(before + 1, models.Count);
        Assert.Equal("from a file", models.First().Description);
        var trained = models.First(m => m.Description == "from a file");
        Assert.Equal("from a file", trained.Description);
        Assert.False(trained.Active);
        Assert.Equal(ExitCodes.Ok, await Run("model", "list"));
        Assert.Equal(ExitCodes.Usage, await Run("model", "train"));
        // Two records in shared blocks, so the system holds at least one candidate pair to train on.
        await Host.Ingestion.IngestAsync(Person("t1", "Ottoline", "2000", "Sydney"));
        await Host.Ingestion.IngestAsync(Person("t2", "Ottoline", "2000", "Sydney"));
        Assert.Equal(ExitCodes.Ok, await Run("model", "train", "--from-system", "--description", "from the system"));
        Assert.Contains((await fixture.Models.ListModelsAsync(new ListModelsRequest())).Models, m => m.Description == "from the system" && !m.Active);
        Assert.Equal(ExitCodes.Ok, await Run("model", "show", "--version", trained.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(ExitCodes.NotFound, await Run("model", "show", "--version", "99999"));
        Assert.Equal(ExitCodes.NotFound, await Run("model", "activate", "99999"));
        Assert.Equal(ExitCodes.Ok, await Run("model", "activate", active.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(active.Version, (await fixture.Models.GetModelAsync(new GetModelRequest())).Version);
        // Nothing was ingested by training.
        Assert.DoesNotContain(Source, (await fixture.Stewardship.ListReviewsAsync(new ListReviewsRequest { Limit = 1000 })).Tasks.Select(t => t.Left.Record.Source));
    }

    [Fact]
    public async Task ReviewSplitAndExplainCommands_ChangeWhatTheySay()
    {
        await Host.Ingestion.IngestAsync(Person("1", "Harriet", "3000", "Melbourne"));
        await Host.Ingestion.IngestAsync(Person("2", "Harriet", "4000", "Brisbane"));
        var task = (await fixture.Stewardship.ListReviewsAsync(new ListReviewsRequest { Limit = 1000 })).Tasks.Single(t => t.Left.Record.Source == Source);

        Assert.Equal(ExitCodes.Ok, await Run("review", "list"));
        Assert.Equal(ExitCodes.Ok, await Run("review", "show", task.TaskId));
        Assert.Equal(ExitCodes.NotFound, await Run("review", "show", "no|such"));
        Assert.Equal(ExitCodes.Usage, await Run("review", "accept", task.TaskId));
        Assert.Equal(ExitCodes.Ok, await Run("review", "accept", task.TaskId, "--steward", "dee"));
        var merged = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", SourceKey = new SourceKey { Source = Source, RecordId = "1" } });
        Assert.Equal(2, merged.Records.Count);

        Assert.Equal(ExitCodes.Ok, await Run("explain", merged.ProfileId));
        Assert.Equal(ExitCodes.Ok, await Run("split", Source, "2", "--steward", "dee"));
        var after = await Host.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", SourceKey = new SourceKey { Source = Source, RecordId = "1" } });
        Assert.Single(after.Records);
        Assert.Equal(ExitCodes.Failed, await Run("split", Source, "2", "--steward", "dee"));
        Assert.Equal(ExitCodes.NotFound, await Run("split", Source, "missing", "--steward", "dee"));
        Assert.Equal(ExitCodes.NotFound, await Run("explain", "pnothing"));
    }

    private Task<int> Run(params string[] args) => CdmCommand.RunAsync([.. args, "--gateway", Host.Url]);

    private SourceRecord Person(string id, string firstName, string postcode, string city)
    {
        var record = new SourceRecord { Source = Source, RecordId = id };
        record.Attributes["first_name"] = firstName;
        record.Attributes["last_name"] = surname;
        record.Attributes["birth_date"] = "1971-02-03";
        record.Attributes["postcode"] = postcode;
        record.Attributes["city"] = city;
        return record;
    }
}
