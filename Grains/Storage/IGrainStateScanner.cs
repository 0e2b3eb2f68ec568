namespace Cdm.Grains.Storage;

/// <summary>
/// Reads every stored state of one grain type straight from grain storage. Orleans cannot list grains;
/// scans that need all of them (every profile, for cross references) read the storage instead, so no
/// catalog grain is written on the ingest path. Only committed states are seen.
/// </summary>
public interface IGrainStateScanner
{
    /// <summary>
    /// Streams (grain key, state) for every stored state of <paramref name="grainType"/> (the Orleans
    /// grain type name, as in <c>GrainId.Type</c>) saved under <paramref name="stateName"/>.
    /// </summary>
    IAsyncEnumerable<(string GrainKey, T State)> ScanAsync<T>(string grainType, string stateName, CancellationToken cancellationToken = default);
}
