namespace Cdm.Contracts.Profiles;

/// <summary>
/// Lists every source record with the profile that holds it, read from grain storage. Use a fresh key for
/// each scan (<see cref="Random.NextInt64()"/>): the activation holds the enumeration until it ends.
/// </summary>
[Alias("cdm.ICrossReferenceGrain")]
public interface ICrossReferenceGrain : IGrainWithIntegerKey
{
    /// <summary>Streams the cross references, only of <paramref name="source"/> when it is set.</summary>
    IAsyncEnumerable<CrossReferenceEntry> ListAsync(string? source, CancellationToken cancellationToken = default);
}
