using Cdm.Silo.Storage;

namespace Cdm.Postgres.Storage;

/// <summary>
/// The order in which a batch touches its rows: by key, the same in every writer of every silo. Row locks are
/// then always taken in one global order, so two batches that share rows (a grain activated twice in a cluster
/// for a moment) wait for each other instead of deadlocking.
/// </summary>
internal sealed class PendingWriteOrder : IComparer<PendingWrite>
{
    public static readonly PendingWriteOrder Instance = new();

    public int Compare(PendingWrite? x, PendingWrite? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byType = string.CompareOrdinal(x.GrainType, y.GrainType);
        if (byType != 0)
        {
            return byType;
        }

        var byState = string.CompareOrdinal(x.StateName, y.StateName);
        return byState != 0 ? byState : string.CompareOrdinal(x.GrainKey, y.GrainKey);
    }
}
