using Cdm.Api.V1;
using Grpc.Core;

namespace Cdm.ClusterTests.Gateway;

/// <summary>
/// The embedded default on Orleans' own ADO.NET grain storage (the project's SQLite script) instead of
/// the group-commit provider: the same resolution, the data kept across a restart.
/// </summary>
public sealed class AdoNetStorageTests
{
    [Fact]
    public async Task AdoNetProvider_ResolvesAndKeepsDataAcrossRestart()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cdm-adonet-" + Guid.NewGuid().ToString("N"));
        try
        {
            string profileId;
            await using (var host = new EmbeddedHost(dataDirectory, "--Cdm:Storage:Provider", "AdoNet"))
            {
                await host.StartAsync();
                var first = await host.Ingestion.IngestAsync(new SourceRecord { Source = "crm", RecordId = "1", Attributes = { ["email"] = "ada@cdmtest.net" } });
                var second = await host.Ingestion.IngestAsync(new SourceRecord { Source = "shop", RecordId = "9", Attributes = { ["email"] = "ADA@cdmtest.net", ["city"] = "London" } });
                Assert.Equal(IngestStatus.Linked, second.Status);
                profileId = first.ProfileId;

                // Listing needs the group-commit storage; the ADO.NET provider says so plainly.
                using var xref = host.Profiles.ListCrossReferences(new ListCrossReferencesRequest());
                var error = await Assert.ThrowsAsync<RpcException>(() => xref.ResponseStream.MoveNext());
                Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
                await host.StopAsync();
            }

            Assert.True(File.Exists(Path.Combine(dataDirectory, "cdm-adonet.db")));
            await using var restarted = new EmbeddedHost(dataDirectory, "--Cdm:Storage:Provider", "AdoNet");
            await restarted.StartAsync();
            var profile = await restarted.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", Identifier = new Identifier { Type = "email", Value = "ada@cdmtest.net" } });
            Assert.Equal(profileId, profile.ProfileId);
            Assert.Equal(["1", "9"], profile.Records.Select(r => r.RecordId).Order());
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }
}
