using System.Collections.Immutable;
using Orleans.Concurrency;

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

    /// <summary>Finishes every saga the partition holds; returns those still pending. Interleaves, because
    /// finishing a saga calls back into this partition to remove it.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<PendingMerge>> WakeAsync();
}
