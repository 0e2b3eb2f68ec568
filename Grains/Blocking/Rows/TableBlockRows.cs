using System.Collections.Immutable;

namespace Cdm.Grains.Blocking.Rows;

/// <summary>
/// Blocks stored in a block table (<see cref="IBlockStore"/>): a write puts or deletes one row per changed member,
/// with the features of a record encoded once however many of its blocks change, and all the changes of a write
/// go to storage as one batch.
/// </summary>
public sealed class TableBlockRows(IBlockStore store) : IPartitionBlockRows
{
    public async Task<CachedBlock> ReadAsync(string key)
    {
        var stored = await store.ReadBlockAsync(key);
        var membership = new BlockMembership();
        foreach (var (memberId, features) in stored.Members)
        {
            membership.Members.Set(memberId, BlockFeatureCodec.Decode(features));
        }

        membership.Members.TakeDirty();
        membership.Header.OverCap = stored.OverCap;
        return new CachedBlock(key, membership);
    }

    public async Task WriteAsync(IReadOnlyList<CachedBlock> blocks)
    {
        var changes = new List<BlockRowChange>();
        var taken = new (IReadOnlyCollection<string> Members, bool Capped)[blocks.Count];
        // A record's features are one map shared by all its blocks: encoded once per write.
        var encoded = new Dictionary<ImmutableDictionary<string, string>, byte[]>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            taken[i] = block.TakeChanges();
            // The chunks are not stored here; clearing their marks keeps them from piling up.
            block.Membership.Members.TakeDirty();
            if (taken[i].Capped)
            {
                changes.Add(BlockRowChange.Cap(block.Key));
            }

            foreach (var memberId in taken[i].Members)
            {
                if (block.Membership.Members.TryGet(memberId, out var features))
                {
                    if (!encoded.TryGetValue(features, out var bytes))
                    {
                        bytes = BlockFeatureCodec.Encode(features);
                        encoded[features] = bytes;
                    }

                    changes.Add(BlockRowChange.Put(block.Key, memberId, bytes));
                }
                else
                {
                    changes.Add(BlockRowChange.Delete(block.Key, memberId));
                }
            }
        }

        try
        {
            if (changes.Count > 0)
            {
                await store.WriteBlocksAsync(changes);
            }
        }
        catch
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                blocks[i].Restore(taken[i].Members, taken[i].Capped);
            }

            throw;
        }
    }
}
