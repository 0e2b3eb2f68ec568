using Cdm.Api.V1;
using Cdm.Cli.Commands;
using Cdm.Cli.Tests.Fakes;

namespace Cdm.Cli.Tests.Commands;

/// <summary>Runs whole command lines against the fake gateway and checks their exit codes.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CommandTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("cdm-cli-tests").FullName;
    private FakeGateway gateway = null!;

    public async Task InitializeAsync() => gateway = await FakeGateway.StartAsync();

    public async Task DisposeAsync()
    {
        await gateway.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Get_UnknownProfile_ExitsWithNotFound()
    {
        Assert.Equal(ExitCodes.NotFound, await Run("get", "--profile", "nobody", "--purpose", "stewardship"));
    }

    [Fact]
    public async Task Get_ByIdentifierAndSourceKey_Succeeds()
    {
        var profile = new Profile
        {
            ProfileId = "p1",
            Golden = { new GoldenValue { Attribute = "email", Value = "[a@b.com]", Lineage = new Lineage { Source = "crm" } } },
            Purpose = "email_marketing",
            Withheld = { new WithheldValue { Attribute = "phone", AttributeClass = "phone", Reason = WithholdReason.NotForPurpose } },
        };
        gateway.State.Profiles["email:a@b.com"] = profile;
        gateway.State.Profiles["crm/1/2"] = profile;

        Assert.Equal(ExitCodes.Ok, await Run("get", "--identifier", "email=a@b.com", "--purpose", "email_marketing"));
        Assert.Equal(ExitCodes.Ok, await Run("get", "--source-key", "crm/1/2", "--json", "--purpose", "customer_service"));
        Assert.Equal(["email_marketing", "customer_service"], gateway.State.ReadPurposes);
    }

    [Fact]
    public async Task Get_WithoutPurpose_IsAUsageErrorAndReadsNothing()
    {
        Assert.Equal(ExitCodes.Usage, await Run("get", "p1"));
        Assert.Equal(ExitCodes.Usage, await Run("history", "p1"));
        Assert.Empty(gateway.State.ReadPurposes);
    }

    [Fact]
    public async Task Get_TwoLookups_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, await Run("get", "p1", "--identifier", "email=a@b.com", "--purpose", "stewardship"));
    }

    [Fact]
    public async Task History_UnknownProfile_ExitsWithNotFound()
    {
        Assert.Equal(ExitCodes.NotFound, await Run("history", "nobody", "--json", "--purpose", "analytics"));
        Assert.Equal(["analytics"], gateway.State.ReadPurposes);
    }

    [Fact]
    public async Task Import_Csv_SendsEveryGoodRowAndFailsOnRejectOnlyWhenAsked()
    {
        var file = Write("people.csv", "id, first, email, crm\n1, ann, a@b.com, C1\n2, bob, bad, C2\n3, \"cat\n");

        Assert.Equal(ExitCodes.Ok, await Run("import", file, "--source", "crm", "--id-column", "id", "--identifier", "crm=crm_id", "--map", "first=first_name"));
        var received = gateway.State.Received.OrderBy(r => r.RecordId).ToList();
        Assert.Equal(["1", "2"], received.Select(r => r.RecordId));
        Assert.Equal("ann", received[0].Attributes["first_name"]);
        Assert.Equal("C1", received[0].Identifiers.Single(i => i.Type == "crm_id").Value);

        Assert.Equal(ExitCodes.Rejected, await Run("import", file, "--source", "crm", "--id-column", "id", "--fail-on-reject"));
    }

    [Fact]
    public async Task Import_MissingFile_Fails()
    {
        Assert.Equal(ExitCodes.Failed, await Run("import", Path.Combine(directory, "absent.jsonl")));
    }

    [Fact]
    public async Task Import_UnknownColumn_IsAUsageError()
    {
        var file = Write("people.csv", "id,name\n1,ann\n");

        Assert.Equal(ExitCodes.Usage, await Run("import", file, "--source", "crm", "--id-column", "nope"));
    }

    [Fact]
    public async Task Import_UnreachableGateway_Fails()
    {
        var file = Write("people.jsonl", """{"source":"crm","recordId":"1"}""");

        Assert.Equal(ExitCodes.Failed, await Run("import", file, "--gateway", "http://127.0.0.1:1"));
    }

    [Fact]
    public async Task Evaluate_JsonLines_ScoresAgainstTheXref()
    {
        var file = Write("people.jsonl", string.Join('\n',
            """{"source":"crm","recordId":"1","attributes":{"cluster":"a"}}""",
            """{"source":"crm","recordId":"2","attributes":{"cluster":"a"}}"""));
        gateway.State.CrossReferences.Add(new CrossReference { Source = "crm", RecordId = "1", ProfileId = "p" });
        gateway.State.CrossReferences.Add(new CrossReference { Source = "crm", RecordId = "2", ProfileId = "p" });

        Assert.Equal(ExitCodes.Ok, await Run("evaluate", file, "--truth-column", "cluster", "--json"));
    }

    [Fact]
    public async Task Xref_WritesCsv()
    {
        gateway.State.CrossReferences.Add(new CrossReference { Source = "crm", RecordId = "-1", ProfileId = "p" });

        Assert.Equal(ExitCodes.Ok, await Run("xref", "--source", "crm"));
    }

    private Task<int> Run(params string[] args) =>
        CdmCommand.RunAsync(args.Contains("--gateway") ? args : [.. args, "--gateway", gateway.Address]);

    private string Write(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
