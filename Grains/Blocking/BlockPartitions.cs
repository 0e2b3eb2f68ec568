namespace Cdm.Grains.Blocking;

/// <summary>
/// Which block partition holds a block: a stable hash of the block key (FNV-1a over its UTF-16 units, the same in
/// every process, unlike <see cref="string.GetHashCode()"/>) modulo the number of partitions, which every silo of a
/// cluster must configure alike.
/// </summary>
public static class BlockPartitions
{
    /// <summary>The partition of <paramref name="blockKey"/> among <paramref name="partitions"/>.</summary>
    public static int Of(string blockKey, int partitions)
    {
        ArgumentNullException.ThrowIfNull(blockKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        var hash = 14695981039346656037UL;
        foreach (var unit in blockKey)
        {
            hash = (hash ^ unit) * 1099511628211UL;
        }

        return (int)(hash % (ulong)partitions);
    }
}
