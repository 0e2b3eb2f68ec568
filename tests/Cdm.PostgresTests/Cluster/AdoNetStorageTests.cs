using System.Text;
using Cdm.PostgresTests.Schema;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Cdm.PostgresTests.Cluster;

[Collection(PostgresClusterCollection.Name)]
public sealed class AdoNetStorageTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task State_survives_deactivation_and_is_stored_as_json()
    {
        var key = "state-" + Guid.NewGuid().ToString("N");
        var grain = fixture.Cluster.Client.GetGrain<IStateProbeGrain>(key);

        await grain.SetAsync("Ada", 3);
        var (_, before) = await grain.GetAsync();
        await grain.DeactivateAsync();
        var (state, after) = await grain.GetAsync();

        Assert.NotEqual(before, after);
        Assert.Equal(("Ada", 3), (state.Name, state.Count));
        var payload = await Sql.ScalarAsync<byte[]>(fixture.ConnectionString,
            "SELECT payload FROM orleans_storage WHERE service_id = $1 AND grain_type = 'probe' AND grain_id_extension = $2",
            PostgresClusterFixture.ServiceId, key);
        Assert.Equal("""{"Name":"Ada","Count":3}""", Encoding.UTF8.GetString(payload));
    }

    [Fact]
    public async Task A_write_with_a_stale_or_missing_etag_is_refused()
    {
        var storage = Storage();
        var grainId = GrainId.Create("probe-direct", Guid.NewGuid().ToString("N"));
        var current = new GrainState<ProbeState>(new ProbeState { Name = "first" });

        await storage.WriteStateAsync("probe", grainId, current);
        var stale = new GrainState<ProbeState>(new ProbeState { Name = "stale" }, current.ETag);
        current.State!.Name = "second";
        await storage.WriteStateAsync("probe", grainId, current);

        Assert.Equal("2", current.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grainId, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grainId, new GrainState<ProbeState>(new ProbeState())));
        var read = new GrainState<ProbeState>();
        await storage.ReadStateAsync("probe", grainId, read);
        Assert.Equal(("second", "2", true), (read.State!.Name, read.ETag, read.RecordExists));
    }

    [Fact]
    public async Task A_cleared_state_reads_as_absent_and_can_be_written_again()
    {
        var storage = Storage();
        var grainId = GrainId.Create("probe-direct", Guid.NewGuid().ToString("N"));
        var state = new GrainState<ProbeState>(new ProbeState { Name = "kept" });
        await storage.WriteStateAsync("probe", grainId, state);
        var stale = new GrainState<ProbeState>(new ProbeState(), state.ETag);

        await storage.ClearStateAsync("probe", grainId, state);
        var read = new GrainState<ProbeState>();
        await storage.ReadStateAsync("probe", grainId, read);

        Assert.Equal(("", "2", false), (read.State!.Name, read.ETag, read.RecordExists));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("probe", grainId, stale));
        read.State!.Name = "again";
        await storage.WriteStateAsync("probe", grainId, read);
        Assert.Equal("3", read.ETag);
    }

    [Fact]
    public async Task Keys_with_and_without_an_extension_are_different_states()
    {
        var storage = Storage();
        var number = Random.Shared.NextInt64(1, long.MaxValue);
        var plain = GrainId.Create(GrainType.Create("probe-direct"), GrainIdKeyExtensions.CreateIntegerKey(number));
        var extended = GrainId.Create(GrainType.Create("probe-direct"), GrainIdKeyExtensions.CreateIntegerKey(number, "x"));

        await storage.WriteStateAsync("probe", plain, new GrainState<ProbeState>(new ProbeState { Name = "plain" }));
        await storage.WriteStateAsync("probe", extended, new GrainState<ProbeState>(new ProbeState { Name = "extended" }));
        var read = new GrainState<ProbeState>();
        await storage.ReadStateAsync("probe", plain, read);

        Assert.Equal("plain", read.State!.Name);
    }

    private IGrainStorage Storage() =>
        fixture.PrimarySilo.GetRequiredKeyedService<IGrainStorage>(PostgresClusterFixture.StorageName);
}
