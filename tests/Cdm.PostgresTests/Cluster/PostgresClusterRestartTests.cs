using Cdm.Contracts.Privacy;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Testing;
using Cdm.Testing.Postgres;

namespace Cdm.PostgresTests.Cluster;

public sealed class PostgresClusterRestartTests
{
    [Fact]
    public async Task ANewCluster_OnTheSameDatabase_FindsEveryAcknowledgedRecord()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("pg cluster restart");
        var records = new TestRecords();
        var outcomes = new List<IngestOutcome>();
        await using (var first = await CdmTestCluster.StartOnPostgresAsync(database))
        {
            var resolver = first.Grains.GetGrain<IResolverGrain>(0);
            for (var i = 0; i < 20; i++)
            {
                outcomes.Add(await resolver.IngestAsync(records.Record($"r{i}", attributes: [("email", records.Email($"p{i % 5}"))])));
            }
        }

        await using var second = await CdmTestCluster.StartOnPostgresAsync(database);
        var again = second.Grains.GetGrain<IResolverGrain>(0);
        for (var i = 0; i < 20; i++)
        {
            var profile = await again.GetProfileAsync(ProfileLookup.BySourceKey(records.Source(), $"r{i}"), includeVersions: false, ReadPurposes.Stewardship);
            Assert.True(profile?.ProfileId == outcomes[i].ProfileId, $"r{i}: acknowledged in {outcomes[i].ProfileId}, found in {profile?.ProfileId ?? "no profile"} after the restart");
            Assert.Equal(4, profile!.Members.Length);
        }
    }
}
