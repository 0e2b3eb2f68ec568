using System.Collections.Immutable;
using Cdm.Grains.Storage;

namespace Cdm.Grains.Blocking.Rows;

/// <summary>
/// A block a partition holds in memory: its members, what changed since the last write, and the pins of the calls
/// using it. Not thread-safe: a grain's state.
/// </summary>
public sealed class CachedBlock
{
    private HashSet<string> changedMembers = new(StringComparer.Ordinal);

    public CachedBlock(string key, BlockMembership membership, ChunkedStoredState<BlockHeader, ImmutableDictionary<string, string>>? chunkedRows = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(membership);
        Key = key;
        Membership = membership;
        ChunkedRows = chunkedRows;
    }

    public string Key { get; }

    public BlockMembership Membership { get; }

    /// <summary>The block's grain-state rows, when it is stored that way (<see cref="GrainStateBlockRows"/>).</summary>
    public ChunkedStoredState<BlockHeader, ImmutableDictionary<string, string>>? ChunkedRows { get; }

    /// <summary>Calls using the block now: it stays in memory while any is.</summary>
    public int Pins { get; set; }

    /// <summary>Writes of the block in flight: it stays in memory until they end.</summary>
    public int Writing { get; set; }

    /// <summary>True while a change is not yet handed to a write.</summary>
    public bool IsDirty => changedMembers.Count > 0 || CapChanged || ChunkedRows?.IsDirty == true;

    /// <summary>True when the block went over its cap since the last write.</summary>
    public bool CapChanged { get; private set; }

    /// <summary>
    /// Adds <paramref name="memberId"/> or replaces its features (<see cref="BlockMembership.Add"/>), and records the
    /// change for the next write.
    /// </summary>
    public BlockMembershipChange Add(string memberId, IReadOnlyDictionary<string, string> features, BlockCapacity capacity)
    {
        var change = Membership.Add(memberId, features, capacity);
        if (change == BlockMembershipChange.Added)
        {
            changedMembers.Add(memberId);
        }
        else if (change == BlockMembershipChange.Capped)
        {
            CapChanged = true;
        }

        return change;
    }

    /// <summary>Removes <paramref name="memberId"/> and records the change for the next write.</summary>
    public BlockMembershipChange Remove(string memberId)
    {
        var change = Membership.Remove(memberId);
        if (change == BlockMembershipChange.Removed)
        {
            changedMembers.Add(memberId);
        }

        return change;
    }

    /// <summary>The changes since the last call, for a write; the block is clean afterwards.</summary>
    public (IReadOnlyCollection<string> Members, bool Capped) TakeChanges()
    {
        var taken = (changedMembers, CapChanged);
        changedMembers = new HashSet<string>(StringComparer.Ordinal);
        CapChanged = false;
        return taken;
    }

    /// <summary>Puts back changes whose write failed, so a later write still carries them.</summary>
    public void Restore(IReadOnlyCollection<string> members, bool capped)
    {
        changedMembers.UnionWith(members);
        CapChanged |= capped;
    }
}
