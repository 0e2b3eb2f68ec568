using System.Collections.Immutable;
using Cdm.Grains.Blocking.Rows;
using Cdm.Grains.Diagnostics;
using Cdm.Grains.Matching;
using Cdm.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Storage;

namespace Cdm.Grains.Blocking;

/// <summary>
/// A partition of the blocks of probabilistic matching (DESIGN: BlockGrain, one grain per block, became one grain
/// per partition of blocks). With a grain per block, each record activated, read and wrote nine grains, most of them
/// new, and a block rewrote all its members on every add; ingest ran at half the speed. A partition is one
/// long-lived activation that keeps its recently used blocks in memory; each block is still stored apart, as one
/// row per member in the storage's block table (<see cref="TableBlockRows"/>) or, on a storage without one, as
/// grain-state rows of a few members (<see cref="GrainStateBlockRows"/>). A block that reaches its cap refuses new
/// members and is no longer scanned, which the metrics report, because comparing against hundreds of records that
/// share a common key costs more than it finds.
/// </summary>
[GrainType("block-partition")]
// Reentrant so that callers do not queue behind each other's reads and writes: each exchange runs in one turn once
// its blocks are in memory (so the later of two records still sees the earlier), and the writes of concurrent
// exchanges are coalesced into one batch.
[Reentrant]
public sealed partial class BlockPartitionGrain(IOptions<MatchingOptions> options, CdmMetrics metrics, ILogger<BlockPartitionGrain> logger)
    : Grain, IBlockPartitionGrain
{
    private readonly BlockCapacity capacity = options.Value.Blocking.ToCapacity();
    private readonly BlockCache<CachedBlock> cache = new(options.Value.Blocking.CachedMembersPerPartition);
    private readonly Dictionary<string, Task> reading = new(StringComparer.Ordinal);
    private readonly HashSet<CachedBlock> changed = [];
    private IPartitionBlockRows rows = null!;
    private CoalescedWrites writes = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var services = GrainContext.ActivationServices;
        rows = services.GetKeyedService<IBlockStore>(StorageNames.Cdm) is { } table
            ? new TableBlockRows(table)
            : new GrainStateBlockRows(services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Cdm));
        writes = new CoalescedWrites(FlushAsync, DeactivateOnIdle);
        return Task.CompletedTask;
    }

    public async Task<ImmutableArray<BlockCandidates>> ExchangeAsync(ImmutableArray<string> blockKeys, string memberId, ImmutableDictionary<string, string> features)
    {
        var blocks = await AcquireAsync(blockKeys);
        var answers = ImmutableArray.CreateBuilder<BlockCandidates>(blocks.Length);
        var changes = false;
        try
        {
            foreach (var block in blocks)
            {
                answers.Add(Candidates(block.Membership, memberId));
                switch (block.Add(memberId, features, capacity))
                {
                    case BlockMembershipChange.Added:
                        changes = Changed(block);
                        break;
                    case BlockMembershipChange.Capped:
                        metrics.BlockOverCap();
                        LogOverCap(block.Key, capacity.MaxMembers);
                        changes = Changed(block);
                        break;
                }
            }
        }
        finally
        {
            Release(blocks);
        }

        if (changes)
        {
            await writes.WriteAsync();
        }

        return answers.MoveToImmutable();
    }

    public async Task RemoveAsync(ImmutableArray<string> blockKeys, string memberId)
    {
        var blocks = await AcquireAsync(blockKeys);
        var changes = false;
        try
        {
            foreach (var block in blocks)
            {
                if (block.Remove(memberId) == BlockMembershipChange.Removed)
                {
                    changes = Changed(block);
                }
            }
        }
        finally
        {
            Release(blocks);
        }

        if (changes)
        {
            await writes.WriteAsync();
        }
    }

    public async Task<BlockCandidates> GetMembersAsync(string blockKey)
    {
        var blocks = await AcquireAsync([blockKey]);
        try
        {
            return Candidates(blocks[0].Membership, null);
        }
        finally
        {
            Release(blocks);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Block {Block} reached its cap of {Cap} members: it takes no more and is no longer scanned.")]
    private partial void LogOverCap(string block, int cap);

    private static BlockCandidates Candidates(BlockMembership block, string? except)
    {
        if (block.IsOverCap)
        {
            return new BlockCandidates([], true);
        }

        var members = block.Members;
        if (members.Count == 0 || (members.Count == 1 && except is not null && members.Contains(except)))
        {
            return BlockCandidates.None;
        }

        var candidates = ImmutableArray.CreateBuilder<BlockCandidate>(members.Count);
        foreach (var (id, features) in members.Items)
        {
            if (id != except)
            {
                candidates.Add(new BlockCandidate(id, features));
            }
        }

        return new BlockCandidates(candidates.ToImmutable(), false);
    }

    /// <summary>Queues the block for the next write; true, for the caller's flag.</summary>
    private bool Changed(CachedBlock block)
    {
        changed.Add(block);
        cache.Resize(block.Key, block.Membership.Members.Count);
        return true;
    }

    /// <summary>The blocks of <paramref name="keys"/>, in memory and pinned there until <see cref="Release"/>.</summary>
    private async Task<CachedBlock[]> AcquireAsync(ImmutableArray<string> keys)
    {
        var acquiring = new Task<CachedBlock>[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            acquiring[i] = AcquireAsync(keys[i]);
        }

        try
        {
            return await Task.WhenAll(acquiring);
        }
        catch
        {
            Release(acquiring.Where(static t => t.IsCompletedSuccessfully).Select(static t => t.Result));
            throw;
        }
    }

    private async Task<CachedBlock> AcquireAsync(string key)
    {
        // The block is pinned in the same turn it is found in the cache, so no other call can drop it in between; one
        // read serves every caller waiting for the same block.
        while (true)
        {
            if (cache.TryGet(key, out var block))
            {
                block.Pins++;
                return block;
            }

            if (!reading.TryGetValue(key, out var read))
            {
                read = ReadAsync(key);
                if (!read.IsCompleted)
                {
                    reading[key] = read;
                }
            }

            await read;
        }
    }

    private async Task ReadAsync(string key)
    {
        CachedBlock block;
        try
        {
            block = await rows.ReadAsync(key);
        }
        finally
        {
            reading.Remove(key);
        }

        cache.Add(key, block, block.Membership.Members.Count);
    }

    private void Release(IEnumerable<CachedBlock> blocks)
    {
        foreach (var block in blocks)
        {
            block.Pins--;
        }

        cache.Trim(static b => b.Pins == 0 && b.Writing == 0 && !b.IsDirty);
    }

    private async Task FlushAsync()
    {
        var batch = changed.ToArray();
        changed.Clear();
        foreach (var block in batch)
        {
            block.Writing++;
        }

        try
        {
            await rows.WriteAsync(batch);
        }
        finally
        {
            foreach (var block in batch)
            {
                block.Writing--;
            }
        }
    }
}
