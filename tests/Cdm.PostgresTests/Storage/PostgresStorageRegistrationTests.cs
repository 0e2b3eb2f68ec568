using Cdm.Grains.Blocking.Rows;
using Cdm.Grains.Storage;
using Cdm.Postgres.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Storage;

namespace Cdm.PostgresTests.Storage;

public sealed class PostgresStorageRegistrationTests
{
    [Fact]
    public async Task AddCdmPostgresStorage_RegistersOneInstanceAsStorageScannerAndBlockStore_OnTheClusterServiceId()
    {
        var database = await GrainStateDatabase.CreateAsync("pg registration");
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddOrleans(silo => silo
                .Configure<ClusterOptions>(o => o.ServiceId = "registered-service")
                .AddCdmPostgresStorage("cdm", o => { o.ConnectionString = database.ConnectionString; o.MaxBatchSize = 64; }))
            .BuildServiceProvider();
        var storage = services.GetRequiredKeyedService<IGrainStorage>("cdm");

        await ((PostgresGroupCommitGrainStorage)storage).StartAsync();
        var state = new GrainState<TestState>(new TestState { Name = "registered" });
        await storage.WriteStateAsync("profile", GrainId.Create("cdm-profile", "one"), state);
        await ((PostgresGroupCommitGrainStorage)storage).StopAsync();

        var postgres = Assert.IsType<PostgresGroupCommitGrainStorage>(storage);
        Assert.Same(storage, services.GetRequiredService<IGrainStateScanner>());
        Assert.Same(storage, services.GetRequiredKeyedService<IGrainStateScanner>("cdm"));
        Assert.Same(storage, services.GetRequiredKeyedService<IBlockStore>("cdm"));
        Assert.Equal(("cdm", "registered-service", "1"), (postgres.Name, postgres.ServiceId, state.ETag));
        Assert.Equal(1L, await PostgresGroupCommitGrainStorageTests.CountAsync(database, "service_id = 'registered-service'"));
    }

    [Fact]
    public async Task UseCdmPostgresStorage_BindsItsConfigurationSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cdm:Storage:Postgres:ConnectionString"] = "Host=db.example;Database=cdm",
            ["Cdm:Storage:Postgres:ServiceId"] = "configured",
            ["Cdm:Storage:Postgres:MaxBatchSize"] = "128",
            ["Cdm:Storage:Postgres:WriterCount"] = "3",
            ["Cdm:Storage:Postgres:MaxBatchDelay"] = "00:00:00.002",
            ["Cdm:Storage:Postgres:ReaderCount"] = "3",
            ["Cdm:Storage:Postgres:ReadPoolSize"] = "8",
        }).Build();
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddOrleans(silo => silo.UseCdmPostgresStorage(configuration))
            .BuildServiceProvider();

        var storage = Assert.IsType<PostgresGroupCommitGrainStorage>(services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Cdm));
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<PostgresGroupCommitOptions>>().Get(StorageNames.Cdm);

        Assert.Equal("configured", storage.ServiceId);
        Assert.Equal(
            ("Host=db.example;Database=cdm", 128, 3, TimeSpan.FromMilliseconds(2), 3, 8),
            (options.ConnectionString, options.MaxBatchSize, options.WriterCount, options.MaxBatchDelay, options.ReaderCount, options.ReadPoolSize));
    }
}
