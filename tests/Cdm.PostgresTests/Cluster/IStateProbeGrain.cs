namespace Cdm.PostgresTests.Cluster;

/// <summary>A grain whose state lives in the AdoNet PostgreSQL storage.</summary>
[Alias("cdm.tests.IStateProbeGrain")]
public interface IStateProbeGrain : IGrainWithStringKey
{
    Task SetAsync(string name, int count);

    /// <summary>The stored state and an id of the current activation, new after each deactivation.</summary>
    Task<(ProbeState State, Guid Activation)> GetAsync();

    Task DeactivateAsync();
}
