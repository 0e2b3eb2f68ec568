using System.Collections.Immutable;

namespace Cdm.Contracts.Profiles;

/// <summary>
/// Durable list of merge sagas in flight, partitioned by loser id. A saga is written here before its
/// first step and removed after its last; the journal finishes sagas left behind by a crash.
/// </summary>
[Alias("cdm.IMergeJournalGrain")]
public interface IMergeJournalGrain : IGrainWithIntegerKey
{
    Task AddAsync(PendingMerge merge);

    Task RemoveAsync(string loser);

    /// <summary>Activates the partition so that it resumes what it holds; returns the sagas it holds.</summary>
    Task<ImmutableArray<PendingMerge>> WakeAsync();
}
