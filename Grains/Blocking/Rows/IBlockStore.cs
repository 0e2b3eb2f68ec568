namespace Cdm.Grains.Blocking.Rows;

/// <summary>
/// A storage that keeps blocks in a table of their own, one small row per member, registered beside the grain
/// storage under the same name. A record joins about six blocks; stored as grain-state rows, each membership
/// rewrote a chunk of members through the generic state path, and those writes cost as much as the rest of
/// ingest together. A member row is written once per change, with the record's features encoded once.
/// A storage without one keeps blocks as chunked grain-state rows (<see cref="GrainStateBlockRows"/>).
/// </summary>
public interface IBlockStore
{
    /// <summary>The members of <paramref name="blockKey"/> and whether it is over its cap; empty when never written.</summary>
    Task<StoredBlockRows> ReadBlockAsync(string blockKey);

    /// <summary>Applies <paramref name="changes"/> in order, all or none; completes once they are durable.</summary>
    Task WriteBlocksAsync(IReadOnlyList<BlockRowChange> changes);
}

/// <summary>A block as stored: its members with their encoded features (<see cref="BlockFeatureCodec"/>).</summary>
public sealed record StoredBlockRows(bool OverCap, IReadOnlyList<KeyValuePair<string, byte[]>> Members)
{
    /// <summary>A block never written.</summary>
    public static StoredBlockRows Empty { get; } = new(false, []);
}

/// <summary>What a <see cref="BlockRowChange"/> does.</summary>
public enum BlockRowChangeKind
{
    /// <summary>Adds the member, or replaces its features.</summary>
    Put,

    /// <summary>Removes the member; nothing when it is absent.</summary>
    Delete,

    /// <summary>Marks the block over its cap, for good.</summary>
    Cap,
}

/// <summary>One change of one block's rows.</summary>
public readonly record struct BlockRowChange(BlockRowChangeKind Kind, string BlockKey, string? MemberId, byte[]? Features)
{
    public static BlockRowChange Put(string blockKey, string memberId, byte[] features) => new(BlockRowChangeKind.Put, blockKey, memberId, features);

    public static BlockRowChange Delete(string blockKey, string memberId) => new(BlockRowChangeKind.Delete, blockKey, memberId, null);

    public static BlockRowChange Cap(string blockKey) => new(BlockRowChangeKind.Cap, blockKey, null, null);
}
