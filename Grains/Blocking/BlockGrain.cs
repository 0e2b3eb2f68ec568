using System.Collections.Immutable;
using Cdm.Grains.Diagnostics;
using Cdm.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Cdm.Grains.Blocking;

/// <summary>
/// A block of candidates for probabilistic matching (DESIGN: BlockGrain). Its state is a
/// <see cref="BlockMembership"/>; a block that reaches its cap refuses new members and is no longer scanned,
/// which the metrics report, because comparing against hundreds of records that share a common key costs
/// more than it finds.
/// </summary>
[GrainType("block")]
[Orleans.Placement.PreferLocalPlacement]
// Reentrant so that callers do not queue behind each other's storage writes: each exchange runs in one turn (so
// the later of two records still sees the earlier), and the writes of concurrent exchanges are coalesced.
[Reentrant]
// A bulk load touches each block a few times; idle blocks are dropped early like identifiers.
[CollectionAgeLimit(Minutes = 2)]
public sealed partial class BlockGrain(IOptions<BlockingOptions> options, CdmMetrics metrics, ILogger<BlockGrain> logger) : Grain, IBlockGrain
{
    private readonly BlockCapacity capacity = options.Value.ToCapacity();
    private StoredState<BlockMembership> state = null!;
    private CoalescedWrites writes = null!;

    private BlockMembership Block => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new StoredState<BlockMembership>(GrainContext, "block");
        writes = new CoalescedWrites(state.WriteAsync, DeactivateOnIdle);
        return state.ReadAsync();
    }

    public async Task<BlockCandidates> ExchangeAsync(string memberId, ImmutableDictionary<string, string> features)
    {
        var candidates = Candidates(memberId);
        var wasOverCap = Block.IsOverCap;
        switch (Block.Add(memberId, features, capacity))
        {
            case BlockMembershipChange.Added:
                await writes.WriteAsync();
                break;
            case BlockMembershipChange.Refused:
                if (!wasOverCap)
                {
                    metrics.BlockOverCap();
                    LogOverCap(this.GetPrimaryKeyString(), capacity.MaxMembers);
                }

                await writes.WriteAsync();
                break;
        }

        return candidates;
    }

    public async Task RemoveAsync(string memberId)
    {
        if (Block.Remove(memberId) == BlockMembershipChange.Removed)
        {
            await writes.WriteAsync();
        }
    }

    public Task<BlockCandidates> GetMembersAsync() => Task.FromResult(Candidates(null));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Block {Block} reached its cap of {Cap} members: it takes no more and is no longer scanned.")]
    private partial void LogOverCap(string block, int cap);

    private BlockCandidates Candidates(string? except)
    {
        if (Block.IsOverCap)
        {
            return new BlockCandidates([], true);
        }

        if (Block.Members.Count == 0 || (Block.Members.Count == 1 && except is not null && Block.Members.ContainsKey(except)))
        {
            return BlockCandidates.None;
        }

        var members = ImmutableArray.CreateBuilder<BlockCandidate>(Block.Members.Count);
        foreach (var (id, features) in Block.Members)
        {
            if (id != except)
            {
                members.Add(new BlockCandidate(id, features));
            }
        }

        return new BlockCandidates(members.ToImmutable(), false);
    }
}
