using System.Diagnostics;
using Cdm.Api.V1;
using Grpc.Core;

namespace Cdm.ClusterTests.Gateway;

/// <summary><c>cdm key</c>, <c>cdm whoami</c> and <c>cdm privacy erase</c> run as a user runs them: a process, credentials in its environment.</summary>
[Collection(SecuredHostCollection.Name)]
public sealed class KeyCommandTests(SecuredHostFixture fixture)
{
    private async Task<(int ExitCode, string Out, string Error)> CdmAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CdmDll());
        foreach (var arg in args.Concat(["--gateway", fixture.Host.Url]))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("CDM_API_KEY");
        start.Environment.Remove("CDM_TOKEN");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The CLI as built in its own folder (with its own dependency list), of the tests' configuration.</summary>
    private static string CdmDll()
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = bin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CdmOrleans.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? "", "Cli", "bin", bin.Parent!.Name, bin.Name, "cdm.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the CLI first.", path);
    }

    [Fact]
    public async Task PrivacyOfficer_ErasesAPersonWithTheCli_OnlyAfterConfirming()
    {
        var records = new ApiRecords("cli-crm");
        var writer = SecuredHostFixture.ApiKey(await fixture.KeyAsync("cli-writer-" + records.Prefix, ["source"], sources: [records.Source]));
        await fixture.Host.Ingestion.IngestAsync(records.Record("1", ("email", records.Email("eve")), ("first_name", "Eve")), writer);
        var officer = new Dictionary<string, string> { ["CDM_TOKEN"] = fixture.Token("cli-officer", ["privacy_officer"]) };
        var lookup = new[] { "--identifier", "email=" + records.Email("eve") };

        var unconfirmed = await CdmAsync(officer, ["privacy", "erase", .. lookup]);
        var stillThere = await fixture.Host.Profiles.GetProfileAsync(
            new GetProfileRequest { SourceKey = new SourceKey { Source = records.Source, RecordId = "1" }, Purpose = "privacy_request" }, fixture.Admin);
        var erased = await CdmAsync(officer, ["privacy", "erase", .. lookup, "--yes"]);
        var id = System.Text.Json.JsonDocument.Parse(erased.Out).RootElement.GetProperty("erasureId").GetString()!;
        var receipt = await CdmAsync(officer, "privacy", "receipt", id);
        var again = await CdmAsync(officer, ["privacy", "erase", "--source-key", records.Source + "/1", "--yes"]);

        Assert.NotEqual(0, unconfirmed.ExitCode);
        Assert.Contains("--yes", unconfirmed.Error, StringComparison.Ordinal);
        Assert.Equal("Eve", stillThere.Golden.Single(g => g.Attribute == "first_name").Value);
        Assert.Equal(0, erased.ExitCode);
        Assert.Contains("ERASURE_STATUS_COMPLETED", erased.Out, StringComparison.Ordinal);
        Assert.Equal(0, receipt.ExitCode);
        Assert.Contains(id, receipt.Out, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains(id, again.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(records.Email("eve"), erased.Out + receipt.Out, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Admin_CreatesAKeyThatWorks_ListsIt_AndRevokesIt()
    {
        var admin = new Dictionary<string, string> { ["CDM_TOKEN"] = fixture.Token("cli-admin", ["admin"]) };
        var name = "cli-" + Guid.NewGuid().ToString("N")[..8];

        var created = await CdmAsync(admin, "key", "create", name, "--role", "reader", "--purpose", "analytics", "sms");
        var key = created.Out.Trim();
        var asKey = new Dictionary<string, string> { ["CDM_API_KEY"] = key };
        var whoami = await CdmAsync(asKey, "whoami");
        var list = await CdmAsync(admin, "key", "list", "--json");
        var id = key[4..20];
        var revoked = await CdmAsync(admin, "key", "revoke", id);
        var after = await CdmAsync(asKey, "whoami");
        var unknown = await CdmAsync(admin, "key", "revoke", "0123456789abcdef");
        var noCredentials = await CdmAsync(new Dictionary<string, string>(), "key", "list");

        Assert.Equal(0, created.ExitCode);
        Assert.StartsWith("cdm_", key, StringComparison.Ordinal);
        Assert.Contains($"({name})", whoami.Out, StringComparison.Ordinal);
        Assert.Contains("read purposes: analytics sms", whoami.Out, StringComparison.Ordinal);
        Assert.Contains(name, list.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(key[21..], list.Out, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.NotEqual(0, after.ExitCode);
        Assert.Contains("Unauthenticated", after.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, unknown.ExitCode);
        Assert.NotEqual(0, noCredentials.ExitCode);
        await Assert.ThrowsAsync<RpcException>(() => fixture.Access.WhoAmIAsync(new WhoAmIRequest(), SecuredHostFixture.ApiKey(key)).ResponseAsync);
    }

    [Fact]
    public async Task Audit_ListsWhatWasDoneToAProfile()
    {
        var records = new ApiRecords("crm");
        var created = await fixture.Host.Ingestion.IngestAsync(records.Record("1", ("email", records.Email("ada"))), fixture.Admin);
        var admin = new Dictionary<string, string> { ["CDM_TOKEN"] = fixture.Token("cli-officer", ["privacy_officer"]) };

        var listed = await CdmAsync(admin, "audit", "--profile", created.ProfileId);
        var json = await CdmAsync(admin, "audit", "--identifier", "email=" + records.Email("ada"), "--json");
        var neither = await CdmAsync(admin, "audit");

        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("RecordWritten", listed.Out, StringComparison.Ordinal);
        Assert.Contains("test-admin", listed.Out, StringComparison.Ordinal);
        Assert.Contains("AUDIT_ACTION_RECORD_WRITTEN", json.Out, StringComparison.Ordinal);
        Assert.Contains(created.ProfileId, json.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, neither.ExitCode);
    }
}
