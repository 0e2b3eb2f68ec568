using Cdm.Grains.Storage;

namespace Cdm.Silo.Hosting;

/// <summary>Stands in for the scanner where the storage cannot list states (Orleans' ADO.NET provider).</summary>
internal sealed class UnsupportedGrainStateScanner : IGrainStateScanner
{
    public IAsyncEnumerable<(string GrainKey, T State)> ScanAsync<T>(string grainType, string stateName, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Listing stored states needs the GroupCommit storage (Cdm:Storage:Provider).");
}
