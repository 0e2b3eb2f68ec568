using System.Diagnostics;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Testing.Postgres;

namespace Cdm.ClusterProcessTests;

/// <summary>
/// <c>deploy/local-cluster.sh</c> as an operator runs it: start (PostgreSQL, migration, three silos, two
/// gateways), a record through each gateway, status, a rolling step, and a clean stop. It uses the binaries
/// these tests were built with and its own ports and state folder.
/// </summary>
[Collection(ProcessClusterCollection.Name)]
public sealed class LocalClusterScriptTests
{
    [Fact]
    public async Task Starts_serves_rolls_and_stops_the_topology()
    {
        var state = Path.Combine(Path.GetTempPath(), "cdm-local-cluster-" + Guid.NewGuid().ToString("N"));
        // A port range of its own, away from the defaults a developer's cluster may be using.
        var offset = 20000 + Random.Shared.Next(0, 900) * 10;
        try
        {
            var started = await RunScriptAsync(state, offset, "start");
            Assert.Contains("silo-3 ready", started);
            Assert.Contains("gateway-2 ready", started);

            foreach (var gateway in new[] { 5001 + offset, 5002 + offset })
            {
                using var channel = GatewayConnection.Open($"http://127.0.0.1:{gateway}");
                var record = new SourceRecord { Source = "crm", RecordId = $"script-{gateway}" };
                record.Attributes.Add("email", $"script-{offset}@cdm-orleans.org");
                var result = await new Ingestion.IngestionClient(channel).IngestAsync(record);
                Assert.False(string.IsNullOrEmpty(result.ProfileId));
            }

            var status = await RunScriptAsync(state, offset, "status");
            Assert.Equal(5, status.Split('\n').Count(line => line.Contains(": running (pid")));

            var rolled = await RunScriptAsync(state, offset, "restart-silo", "2");
            Assert.Contains("silo-2 ready", rolled);

            // Both records share an email, so they are one profile, read through the other gateway.
            using (var channel = GatewayConnection.Open($"http://127.0.0.1:{5002 + offset}"))
            {
                var profile = await new Profiles.ProfilesClient(channel).GetProfileAsync(new GetProfileRequest
                { Purpose = "stewardship",
                    SourceKey = new SourceKey { Source = "crm", RecordId = $"script-{5001 + offset}" },
                });
                Assert.Equal(2, profile.Records.Count);
            }

            var stopped = await RunScriptAsync(state, offset, "stop");
            Assert.Contains("cluster stopped", stopped);
            var after = await RunScriptAsync(state, offset, "status");
            Assert.DoesNotContain(": running (pid", after);
            Assert.Contains("postgres: not running", after);
        }
        finally
        {
            await RunScriptAsync(state, offset, "stop", check: false);
            try
            {
                Directory.Delete(state, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static async Task<string> RunScriptAsync(string state, int offset, string command, string? argument = null, bool check = true)
    {
        var root = PostgresTestServer.RepositoryRoot();
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(root, "deploy", "local-cluster.sh"));
        start.ArgumentList.Add(command);
        if (argument is not null)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CDM_CLUSTER_DIR"] = state;
        start.Environment["CDM_PORT_OFFSET"] = offset.ToString();
        start.Environment["CDM_NO_BUILD"] = "1";
        // The configuration these tests were built in (bin/<Configuration>/<tfm>/).
        start.Environment["CDM_CONFIGURATION"] = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-cluster.sh {command} failed ({process.ExitCode}):\n{text}");
        }

        return text;
    }
}
