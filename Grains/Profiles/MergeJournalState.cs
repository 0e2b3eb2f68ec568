using Cdm.Contracts.Profiles;

namespace Cdm.Grains.Profiles;

/// <summary>Stored state of a merge-journal partition: sagas in flight by loser id.</summary>
[Alias("cdm.MergeJournalState")]
public sealed class MergeJournalState
{
    public Dictionary<string, PendingMerge> Pending { get; set; } = new(StringComparer.Ordinal);
}
