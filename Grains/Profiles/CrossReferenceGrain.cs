using System.Runtime.CompilerServices;
using Cdm.Contracts.Profiles;
using Cdm.Grains.Storage;

namespace Cdm.Grains.Profiles;

/// <summary>
/// Lists every source record with its profile by reading profile states straight from storage: the
/// scan costs nothing on the ingest path (no catalog grain to write). Only active profiles hold
/// members, so with no merge in flight each committed record is listed exactly once; records of a
/// profile being merged while the scan runs may be missed or seen twice, so read it when ingest is quiet. Not a stateless worker: every step of an
/// enumeration must reach the activation that holds the enumerator, so callers use a fresh key per scan.
/// </summary>
[GrainType("xref")]
public sealed class CrossReferenceGrain(IGrainStateScanner scanner) : Grain, ICrossReferenceGrain
{
    public async IAsyncEnumerable<CrossReferenceEntry> ListAsync(string? source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (profileId, profile) in scanner.ScanAsync<ProfileState>("profile", "profile", cancellationToken))
        {
            if (profile.Status != ProfileStatus.Active)
            {
                continue;
            }

            foreach (var member in profile.Members.Values)
            {
                var current = member.Current;
                if (source is null || current.Source == source)
                {
                    yield return new CrossReferenceEntry(current.Source, current.RecordId, profileId);
                }
            }
        }

        DeactivateOnIdle();
    }
}
