using System.Collections.Immutable;
using Cdm.Grains.Storage;
using Orleans.Storage;

namespace Cdm.Grains.Blocking.Rows;

/// <summary>
/// Blocks stored through any grain storage: each block under the grain id <c>block/&lt;key&gt;</c>, as rows of a
/// few members (<see cref="ChunkedStoredState{THeader,TItem}"/>), so a change rewrites one row. The way for storages
/// without an <see cref="IBlockStore"/> (Orleans' ADO.NET providers).
/// </summary>
public sealed class GrainStateBlockRows(IGrainStorage storage) : IPartitionBlockRows
{
    /// <summary>The grain type the rows of each block are stored under, one grain id per block key.</summary>
    public static readonly GrainType BlockType = GrainType.Create("block");

    /// <summary>The state name of a block's first row.</summary>
    public const string StateName = "block";

    public async Task<CachedBlock> ReadAsync(string key)
    {
        var state = new ChunkedStoredState<BlockHeader, ImmutableDictionary<string, string>>(
            storage, GrainId.Create(BlockType, key), StateName, BlockMembership.DefaultChunkSize);
        await state.ReadAsync();
        return new CachedBlock(key, new BlockMembership(state.Items, state.Header), state);
    }

    public async Task WriteAsync(IReadOnlyList<CachedBlock> blocks)
    {
        var writes = new Task[blocks.Count];
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var rows = block.ChunkedRows ?? throw new InvalidOperationException($"Block {block.Key} was not read as grain-state rows.");
            // The chunk rows track their own changes; the header row is marked when the block went over its cap.
            if (block.TakeChanges().Capped)
            {
                rows.HeaderChanged();
            }

            writes[i] = rows.WriteAsync();
        }

        await Task.WhenAll(writes);
    }
}
