namespace Cdm.Grains.Profiles;

/// <summary>Which merge-journal partition records the sagas of a loser: a stable hash of its id.</summary>
public static class MergeJournalPartitions
{
    /// <summary>Fixed forever: changing it would orphan the entries of sagas in flight.</summary>
    public const int Count = 64;

    public static int For(string loserId)
    {
        // FNV-1a: string.GetHashCode differs between processes, and partitions must not.
        var hash = 2166136261u;
        foreach (var c in loserId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }
}
