using Cdm.Testing;
using Orleans.TestingHost;

namespace Cdm.ClusterTests;

/// <summary>One in-process cluster for the whole collection; tests keep apart by their own keys.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private CdmTestCluster? cluster;

    public CdmTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IGrainFactory Grains => Cluster.Grains;

    // The shared cluster checks DESIGN rule 2 (profiles are the connected components of shared identifiers), so
    // identity-graph limits are off here; IdentityGraphTests run them on a cluster of their own. The block partitions
    // are few and keep almost nothing in memory, so every test's blocks are dropped and read back from storage.
    public const int BlockPartitions = 8;

    public async Task InitializeAsync() =>
        cluster = await CdmTestCluster.StartAsync(builder =>
        {
            builder.Properties["Cdm:IdentityGraph:Enabled"] = "false";
            builder.Properties["Cdm:Matching:Blocking:Partitions"] = BlockPartitions.ToString(System.Globalization.CultureInfo.InvariantCulture);
            builder.Properties["Cdm:Matching:Blocking:CachedMembersPerPartition"] = "4";
            builder.AddSiloBuilderConfigurator<FaultInjectionConfigurator>();
        });

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    private sealed class FaultInjectionConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.AddIncomingGrainCallFilter<FaultInjection>();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
