using Cdm.Silo.Hosting;
using Orleans.TestingHost;

namespace Cdm.Testing;

/// <summary>Configures each test silo like a real one: the CdmOrleans grains and SQLite grain storage.</summary>
public sealed class CdmSiloConfigurator : ISiloConfigurator
{
    /// <summary>Configuration key of the directory that holds the test cluster's database.</summary>
    public const string DataDirectoryKey = "Cdm:DataDir";

    public void Configure(ISiloBuilder siloBuilder)
    {
        var dataDirectory = siloBuilder.Configuration[DataDirectoryKey]
            ?? throw new InvalidOperationException($"{DataDirectoryKey} is not set for the test silo.");
        siloBuilder.AddCdmGrains(siloBuilder.Configuration).UseCdmSqliteStorage(dataDirectory, siloBuilder.Configuration);
        siloBuilder.UseInMemoryReminderService();
    }
}
