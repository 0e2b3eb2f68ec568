using System.Text;
using Cdm.Grains.Storage;
using Cdm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Storage;

namespace Cdm.UnitTests.Storage;

public sealed class SiloBuilderStorageExtensionsTests : IDisposable
{
    private const string ProviderName = "cdm";
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AddCdmSqliteStorage_RegistersOneInstanceAsStorageAndScanner()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddOrleans(silo => silo.AddCdmSqliteStorage(ProviderName, o => { o.DatabasePath = _database.DatabasePath; o.MaxBatchSize = 64; }))
            .BuildServiceProvider();
        var storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderName);
        var lifecycle = new TestSiloLifecycle();
        ((ILifecycleParticipant<ISiloLifecycle>)storage).Participate(lifecycle);

        await lifecycle.StartAsync();
        var state = new GrainState<TestState>(new TestState { Name = "registered" });
        await storage.WriteStateAsync("profile", GrainId.Create("cdm-profile", "one"), state);
        await lifecycle.StopAsync();

        var groupCommit = Assert.IsType<SqliteGroupCommitGrainStorage>(storage);
        Assert.Same(storage, services.GetRequiredService<IGrainStateScanner>());
        Assert.Same(storage, services.GetRequiredKeyedService<IGrainStateScanner>(ProviderName));
        Assert.Equal(ProviderName, groupCommit.Name);
        Assert.Equal(ServiceLifecycleStage.ApplicationServices, Assert.Single(lifecycle.Subscriptions).Stage);
        Assert.Equal("1", state.ETag);
    }

    [Fact]
    public async Task AddCdmAdoNetSqliteStorage_KeepsOrleansContract_OnTheProjectScript()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddOrleans(silo => silo.AddCdmAdoNetSqliteStorage(ProviderName, _database.DatabasePath))
            .BuildServiceProvider();
        var storage = services.GetRequiredKeyedService<IGrainStorage>(ProviderName);
        var lifecycle = new TestSiloLifecycle();
        services.GetRequiredKeyedService<AdoNetSqliteSchemaInitializer>(ProviderName).Participate(lifecycle);
        ((ILifecycleParticipant<ISiloLifecycle>)storage).Participate(lifecycle);
        await lifecycle.StartAsync();
        var grain = GrainId.Create("cdm-profile", "ado");

        var missing = new GrainState<TestState>();
        await storage.ReadStateAsync("profile", grain, missing);
        var state = new GrainState<TestState>(new TestState { Name = "first", Colour = TestColour.Red });
        await storage.WriteStateAsync("profile", grain, state);
        var racing = storage.WriteStateAsync("profile", grain, new GrainState<TestState>(new TestState { Name = "twin activation" }));
        await Assert.ThrowsAsync<InconsistentStateException>(() => racing);
        state.State = new TestState { Name = "second", Colour = TestColour.Green };
        await storage.WriteStateAsync("profile", grain, state);
        var read = new GrainState<TestState>();
        await storage.ReadStateAsync("profile", grain, read);
        await storage.ClearStateAsync("profile", grain, state);
        var cleared = new GrainState<TestState>();
        await storage.ReadStateAsync("profile", grain, cleared);
        var stale = storage.WriteStateAsync("profile", grain, new GrainState<TestState>(new TestState { Name = "stale" }, "2"));
        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        state.State = new TestState { Name = "after clear" };
        await storage.WriteStateAsync("profile", grain, state);

        Assert.Null(missing.ETag);
        Assert.False(missing.RecordExists);
        Assert.Equal(("second", TestColour.Green, "2", true), (read.State!.Name, read.State.Colour, read.ETag, read.RecordExists));
        Assert.Equal(("", "3", false), (cleared.State!.Name, cleared.ETag, cleared.RecordExists));
        Assert.Equal("4", state.ETag);
        Assert.Contains("\"Name\":\"after clear\"", StoredPayloadJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void AdoNetScript_AppliedTwice_LeavesOneCopyOfEachQuery()
    {
        var initializer = new AdoNetSqliteSchemaInitializer(ProviderName, _database.DatabasePath);

        initializer.Apply();
        initializer.Apply();

        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(QueryKey, ',') FROM (SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey)";
        Assert.Equal("ClearStorageKey,ReadFromStorageKey,WriteToStorageKey", command.ExecuteScalar());
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    private string StoredPayloadJson()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage";
        return Encoding.UTF8.GetString((byte[])command.ExecuteScalar()!);
    }
}
