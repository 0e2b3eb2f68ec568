using System.Collections.Immutable;
using Cdm.Grains.Storage;

namespace Cdm.Grains.Blocking;

/// <summary>
/// The members of one block: each member's id with its comparison features (attribute name to value), kept in
/// chunks so that a block of hundreds is stored a chunk at a time. Adding and removing are idempotent. At the cap
/// new members are refused and the block is marked over its cap in its <see cref="BlockHeader"/>; it stays so, as a
/// key common enough to fill a block once is not worth scanning again. Not thread-safe: a grain's state.
/// </summary>
public sealed class BlockMembership
{
    /// <summary>Members per stored chunk: a block row is then a few kilobytes however large the block.</summary>
    public const int DefaultChunkSize = 8;

    /// <summary>An empty block.</summary>
    public BlockMembership()
        : this(new ChunkedItems<ImmutableDictionary<string, string>>(DefaultChunkSize), new BlockHeader())
    {
    }

    /// <summary>A block over stored <paramref name="members"/> and <paramref name="header"/>.</summary>
    public BlockMembership(ChunkedItems<ImmutableDictionary<string, string>> members, BlockHeader header)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(header);
        Members = members;
        Header = header;
    }

    /// <summary>The members by id.</summary>
    /// <remarks>Immutable maps, so a block hands its members to callers without copying them.</remarks>
    public ChunkedItems<ImmutableDictionary<string, string>> Members { get; }

    /// <summary>What the block stores beside its members.</summary>
    public BlockHeader Header { get; }

    /// <summary>True once a member has been refused: the block is too large to scan whole.</summary>
    public bool IsOverCap => Header.OverCap;

    /// <summary>
    /// Adds <paramref name="memberId"/> with <paramref name="features"/>, or replaces its features when it is a
    /// member; refuses it when it is new and <paramref name="capacity"/> admits no more.
    /// </summary>
    public BlockMembershipChange Add(string memberId, IReadOnlyDictionary<string, string> features, BlockCapacity capacity)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(capacity);
        if (Members.TryGet(memberId, out var existing))
        {
            if (SameFeatures(existing, features))
            {
                return BlockMembershipChange.Unchanged;
            }

            Members.Set(memberId, Copy(features));
            return BlockMembershipChange.Added;
        }

        if (Header.OverCap || !capacity.Admits(Members.Count))
        {
            if (Header.OverCap)
            {
                return BlockMembershipChange.Refused;
            }

            Header.OverCap = true;
            return BlockMembershipChange.Capped;
        }

        Members.Set(memberId, Copy(features));
        return BlockMembershipChange.Added;
    }

    /// <summary>Removes <paramref name="memberId"/>; a block over its cap stays over it.</summary>
    public BlockMembershipChange Remove(string memberId)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        return Members.Remove(memberId) ? BlockMembershipChange.Removed : BlockMembershipChange.Unchanged;
    }

    private static ImmutableDictionary<string, string> Copy(IReadOnlyDictionary<string, string> features) =>
        features as ImmutableDictionary<string, string> ?? features.ToImmutableDictionary(StringComparer.Ordinal);

    private static bool SameFeatures(ImmutableDictionary<string, string> existing, IReadOnlyDictionary<string, string> features)
    {
        if (existing.Count != features.Count)
        {
            return false;
        }

        foreach (var (name, value) in features)
        {
            if (!existing.TryGetValue(name, out var current) || current != value)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What a block stores beside its members (with its first chunk).</summary>
public sealed class BlockHeader
{
    /// <summary>Set when the first member was refused at the cap: the block is no longer scanned.</summary>
    public bool OverCap { get; set; }
}
