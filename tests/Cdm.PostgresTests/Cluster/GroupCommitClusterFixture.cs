using Cdm.Testing;
using Cdm.Testing.Postgres;

namespace Cdm.PostgresTests.Cluster;

/// <summary>Two silos of one cluster keeping grain state in one PostgreSQL database, as in production.</summary>
public sealed class GroupCommitClusterFixture : IAsyncLifetime
{
    private CdmTestCluster? cluster;

    public CdmTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IGrainFactory Grains => Cluster.Grains;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresTestServer.CreateDatabaseAsync("pg group commit");
        // The parallel ingest is checked against the connected components of its identifiers (DESIGN rule 2),
        // which is what the resolver produces with the identity-graph limits off.
        cluster = await CdmTestCluster.StartOnPostgresAsync(ConnectionString, silos: 2, builder => builder.Properties["Cdm:IdentityGraph:Enabled"] = "false");
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class GroupCommitClusterCollection : ICollectionFixture<GroupCommitClusterFixture>
{
    public const string Name = "group commit cluster";
}
