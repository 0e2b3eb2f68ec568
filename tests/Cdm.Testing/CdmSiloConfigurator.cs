using Cdm.Postgres.Storage;
using Cdm.Silo.Hosting;
using Orleans.TestingHost;

namespace Cdm.Testing;

/// <summary>
/// Configures each test silo like a real one: the CdmOrleans grains, and grain state in SQLite, or in PostgreSQL
/// when <c>Cdm:Storage:Postgres:ConnectionString</c> is set.
/// </summary>
public sealed class CdmSiloConfigurator : ISiloConfigurator
{
    /// <summary>Configuration key of the directory that holds the test cluster's database.</summary>
    public const string DataDirectoryKey = "Cdm:DataDir";

    /// <summary>Configuration key of the PostgreSQL connection string; when set, grain state is kept there.</summary>
    public const string PostgresConnectionStringKey = PostgresStorageSiloBuilderExtensions.ConfigurationSection + ":ConnectionString";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var configuration = siloBuilder.Configuration;
        siloBuilder.AddCdmGrains(configuration);
        // Nothing unless the test set Cdm:Cluster:Tls:CertificatePath.
        siloBuilder.UseCdmClusterTls(configuration);
        // The merge journal's reminders; in memory, as in the embedded default (a test cluster does not outlive its run).
        siloBuilder.UseInMemoryReminderService();
        if (!string.IsNullOrEmpty(configuration[PostgresConnectionStringKey]))
        {
            siloBuilder.UseCdmPostgresStorage(configuration);
            return;
        }

        var dataDirectory = configuration[DataDirectoryKey]
            ?? throw new InvalidOperationException($"{DataDirectoryKey} is not set for the test silo.");
        siloBuilder.UseCdmSqliteStorage(dataDirectory, configuration);
    }
}
