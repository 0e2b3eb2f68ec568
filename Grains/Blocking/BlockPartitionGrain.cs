using System.Collections.Immutable;
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
/// long-lived activation that keeps its recently used blocks in memory, and each block is still stored apart, as
/// chunks of a few members (<see cref="ChunkedStoredState{THeader,TItem}"/>), so a record costs a call and a small
/// write per block. A block that reaches its cap refuses new members and is no longer scanned, which the metrics
/// report, because comparing against hundreds of records that share a common key costs more than it finds.
/// </summary>
[GrainType("block-partition")]
// Reentrant so that callers do not queue behind each other's reads and writes: each exchange runs in one turn once
// its blocks are in memory (so the later of two records still sees the earlier), and the writes of concurrent
// exchanges are coalesced into one batch.
[Reentrant]
public sealed partial class BlockPartitionGrain(IOptions<MatchingOptions> options, CdmMetrics metrics, ILogger<BlockPartitionGrain> logger)
    : Grain, IBlockPartitionGrain
{
    /// <summary>The grain type the rows of each block are stored under, one grain id per block key.</summary>
    public static readonly GrainType BlockType = GrainType.Create("block");

    /// <summary>The state name of a block's first row.</summary>
    public const string StateName = "block";

    private readonly BlockCapacity capacity = options.Value.Blocking.ToCapacity();
    private readonly BlockCache<StoredBlock> cache = new(options.Value.Blocking.CachedMembersPerPartition);
    private readonly Dictionary<string, Task> reading = new(StringComparer.Ordinal);
    private readonly HashSet<StoredBlock> changed = [];
    private IGrainStorage storage = null!;
    private CoalescedWrites writes = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        storage = GrainContext.ActivationServices.GetRequiredKeyedService<IGrainStorage>(StorageNames.Cdm);
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
                switch (block.Membership.Add(memberId, features, capacity))
                {
                    case BlockMembershipChange.Added:
                        changes = Changed(block);
                        break;
                    case BlockMembershipChange.Capped:
                        metrics.BlockOverCap();
                        LogOverCap(block.Key, capacity.MaxMembers);
                        block.State.HeaderChanged();
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
                if (block.Membership.Remove(memberId) == BlockMembershipChange.Removed)
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
    private bool Changed(StoredBlock block)
    {
        changed.Add(block);
        cache.Resize(block.Key, block.Membership.Members.Count);
        return true;
    }

    /// <summary>The blocks of <paramref name="keys"/>, in memory and pinned there until <see cref="Release"/>.</summary>
    private async Task<StoredBlock[]> AcquireAsync(ImmutableArray<string> keys)
    {
        var acquiring = new Task<StoredBlock>[keys.Length];
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

    private async Task<StoredBlock> AcquireAsync(string key)
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
        var state = new ChunkedStoredState<BlockHeader, ImmutableDictionary<string, string>>(
            storage, GrainId.Create(BlockType, key), StateName, BlockMembership.DefaultChunkSize);
        try
        {
            await state.ReadAsync();
        }
        finally
        {
            reading.Remove(key);
        }

        var block = new StoredBlock(key, state);
        cache.Add(key, block, block.Membership.Members.Count);
    }

    private void Release(IEnumerable<StoredBlock> blocks)
    {
        foreach (var block in blocks)
        {
            block.Pins--;
        }

        cache.Trim(static b => b.Pins == 0 && b.Writing == 0 && !b.State.IsDirty);
    }

    private async Task FlushAsync()
    {
        var batch = changed.ToArray();
        changed.Clear();
        var rows = new Task[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i].Writing++;
            rows[i] = batch[i].State.WriteAsync();
        }

        try
        {
            await Task.WhenAll(rows);
        }
        finally
        {
            foreach (var block in batch)
            {
                block.Writing--;
            }
        }
    }

    /// <summary>A block in memory: its stored rows and its members, pinned while a call uses it.</summary>
    private sealed class StoredBlock(string key, ChunkedStoredState<BlockHeader, ImmutableDictionary<string, string>> state)
    {
        public string Key { get; } = key;

        public ChunkedStoredState<BlockHeader, ImmutableDictionary<string, string>> State { get; } = state;

        public BlockMembership Membership { get; } = new(state.Items, state.Header);

        public int Pins { get; set; }

        public int Writing { get; set; }
    }
}
