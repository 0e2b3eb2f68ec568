namespace Cdm.Grains.Blocking.Rows;

/// <summary>How a block partition reads its blocks and stores their changes.</summary>
public interface IPartitionBlockRows
{
    /// <summary>Reads the block of <paramref name="key"/> (empty when never written).</summary>
    Task<CachedBlock> ReadAsync(string key);

    /// <summary>Stores the changes of <paramref name="blocks"/>; completes once they are durable.</summary>
    Task WriteAsync(IReadOnlyList<CachedBlock> blocks);
}
