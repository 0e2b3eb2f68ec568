using Cdm.Api.V1;
using Grpc.Core;

namespace Cdm.ClusterTests.Gateway;

/// <summary>
/// Data survives a restart of the embedded default, graceful or not: a record is acknowledged only once
/// it is durable, so even SIGKILL loses nothing acknowledged.
/// </summary>
public sealed class EmbeddedRestartTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Restart_KeepsEveryAcknowledgedRecord(bool kill)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cdm-restart-" + Guid.NewGuid().ToString("N"));
        try
        {
            var acknowledged = new Dictionary<string, string>();
            await using (var host = new EmbeddedHost(dataDirectory))
            {
                await host.StartAsync();
                using var call = host.Ingestion.IngestStream();
                for (var i = 0; i < 300; i++)
                {
                    var record = new SourceRecord { Source = "crm", RecordId = $"r{i}" };
                    record.Attributes["email"] = $"person{i % 120}@cdmtest.net";
                    await call.RequestStream.WriteAsync(record);
                }

                await call.RequestStream.CompleteAsync();
                await foreach (var result in call.ResponseStream.ReadAllAsync())
                {
                    acknowledged[result.RecordId] = result.ProfileId;
                }

                await host.StopAsync(kill);
            }

            await using var restarted = new EmbeddedHost(dataDirectory);
            await restarted.StartAsync();
            Assert.Equal(300, acknowledged.Count);
            foreach (var (recordId, profileId) in acknowledged)
            {
                var profile = await restarted.Profiles.GetProfileAsync(new GetProfileRequest { Purpose = "stewardship", SourceKey = new SourceKey { Source = "crm", RecordId = recordId } });
                // Merges after this record's answer may have moved it to a smaller id; it is found all the same.
                Assert.True(string.CompareOrdinal(profile.ProfileId, profileId) <= 0, $"record {recordId}: profile {profile.ProfileId} after restart, {profileId} before");
                Assert.Contains(profile.Records, r => r.RecordId == recordId);
            }

            var again = await restarted.Ingestion.IngestAsync(new SourceRecord { Source = "crm", RecordId = "r5", Attributes = { ["email"] = "person5@cdmtest.net" } });
            Assert.Equal(IngestStatus.Unchanged, again.Status);
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
