namespace Cdm.PostgresTests.Cluster;

public sealed class StateProbeGrain([PersistentState("probe", PostgresClusterFixture.StorageName)] IPersistentState<ProbeState> state)
    : Grain, IStateProbeGrain
{
    private readonly Guid activation = Guid.NewGuid();

    public Task SetAsync(string name, int count)
    {
        state.State = new ProbeState { Name = name, Count = count };
        return state.WriteStateAsync();
    }

    public Task<(ProbeState State, Guid Activation)> GetAsync() => Task.FromResult((state.State, activation));

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
