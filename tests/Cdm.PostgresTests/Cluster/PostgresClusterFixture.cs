using Cdm.Postgres.Hosting;
using Cdm.Postgres.Migrations;
using Cdm.Testing.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Cdm.PostgresTests.Cluster;

/// <summary>
/// Two silos and a client on one migrated database, with membership, the gateway list, reminders and the probe
/// grains' state all in PostgreSQL through the project's hosting extensions.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    public const string StorageName = "pg";
    public const string ServiceId = "cdm-pg-test";
    private const string ConnectionStringKey = "Cdm:Test:Postgres";

    private TestCluster? cluster;

    public TestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>The services of one silo, for what tests reach past grains: the grain storage, the membership table.</summary>
    public IServiceProvider PrimarySilo => ((InProcessSiloHandle)Cluster.Silos[0]).ServiceProvider;

    public string ConnectionString { get; private set; } = "";

    public string ClusterId { get; } = "cdm-pg-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        ConnectionString = await PostgresTestServer.CreateDatabaseAsync("orleans cluster");
        await new SchemaMigrator().MigrateAsync(ConnectionString);

        var builder = new TestClusterBuilder(2);
        builder.Options.ClusterId = ClusterId;
        builder.Options.ServiceId = ServiceId;
        // Membership and the gateway list come from PostgreSQL, not from the test host's in-memory table.
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[ConnectionStringKey] = ConnectionString;
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var connectionString = siloBuilder.Configuration[ConnectionStringKey]!;
            siloBuilder
                .UseCdmPostgresClustering(connectionString)
                .UseCdmPostgresReminders(connectionString)
                .AddCdmAdoNetPostgresStorage(StorageName, connectionString);
            // Test only: reminders normally tick at most once a minute.
            siloBuilder.Services.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        }
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseCdmPostgresClustering(configuration[ConnectionStringKey]!);
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresClusterCollection : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = "postgres cluster";
}
