using Cdm.Postgres.Migrations;
using Orleans.TestingHost;

namespace Cdm.Testing;

/// <summary>
/// A real CdmOrleans cluster inside the test process: the real grains, with grain state in a SQLite file
/// in a temporary directory that is deleted on dispose, or in a PostgreSQL database. Start one per test
/// collection (it takes a few seconds) and give each test its own source names and identifiers.
/// </summary>
public sealed class CdmTestCluster : IAsyncDisposable
{
    private CdmTestCluster(TestCluster cluster, string dataDirectory)
    {
        Cluster = cluster;
        DataDirectory = dataDirectory;
    }

    /// <summary>The Orleans test cluster (silos, client).</summary>
    public TestCluster Cluster { get; }

    /// <summary>Grain references through the cluster's client.</summary>
    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Where the cluster keeps its SQLite database (unused on PostgreSQL).</summary>
    public string DataDirectory { get; }

    /// <summary>
    /// Starts a one-silo cluster. <paramref name="configure"/> may add silo configurators (fault injection,
    /// fakes) and configuration properties such as <c>Cdm:Normalisation:DefaultRegion</c>.
    /// </summary>
    public static Task<CdmTestCluster> StartAsync(Action<TestClusterBuilder>? configure = null) => StartAsync(1, configure);

    /// <summary>
    /// Starts a cluster of <paramref name="silos"/> silos that keep grain state in the PostgreSQL database of
    /// <paramref name="connectionString"/>, after applying the schema to it. Every silo shares that database, as
    /// the silos of a production cluster do.
    /// </summary>
    public static async Task<CdmTestCluster> StartOnPostgresAsync(string connectionString, short silos = 1, Action<TestClusterBuilder>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        await new SchemaMigrator().MigrateAsync(connectionString);
        return await StartAsync(silos, builder =>
        {
            builder.Properties[CdmSiloConfigurator.PostgresConnectionStringKey] = connectionString;
            configure?.Invoke(builder);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the test run; the temp directory is cleaned anyway.
        }
    }

    /// <summary>Starts a cluster of <paramref name="silos"/> silos on SQLite files (each silo its own), as <see cref="StartAsync(Action{TestClusterBuilder}?)"/>.</summary>
    public static async Task<CdmTestCluster> StartAsync(short silos, Action<TestClusterBuilder>? configure)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cdm-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = "cdm-test";
        builder.Properties[CdmSiloConfigurator.DataDirectoryKey] = dataDirectory;
        builder.AddSiloBuilderConfigurator<CdmSiloConfigurator>();
        builder.AddClientBuilderConfigurator<CdmClientConfigurator>();
        configure?.Invoke(builder);
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new CdmTestCluster(cluster, dataDirectory);
    }
}
