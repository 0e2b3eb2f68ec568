namespace Cdm.Contracts.Matching;

/// <summary>
/// Re-resolves every stored profile with a match model: works out the partition the model implies (deterministic
/// identifiers first, then the model's links, do-not-link respected) and reports the merges and splits that would
/// take the profiles there; in apply mode it makes them. Use a fresh key per run: the activation holds the run until
/// its enumeration ends. Read the result when ingest is quiet: profiles changing meanwhile may be missed.
/// </summary>
[Alias("cdm.IReResolveGrain")]
public interface IReResolveGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Runs one re-resolution and streams its progress; the last element carries the summary.
    /// </summary>
    /// <exception cref="ArgumentException">No such model version.</exception>
    IAsyncEnumerable<ReResolveProgress> RunAsync(ReResolveRequest request, CancellationToken cancellationToken = default);
}
