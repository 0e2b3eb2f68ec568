using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Cdm.Grains.Blocking;

/// <summary>
/// The members of one block: each member's id with its comparison features (attribute name to value). Adding and
/// removing are idempotent. At the cap new members are refused: the block is marked over its cap and the refused
/// ids counted (each once), for reporting. Plain properties, so it serialises with System.Text.Json; not
/// thread-safe (a grain's state).
/// </summary>
public sealed class BlockMembership
{
    /// <summary>The members by id.</summary>
    /// <remarks>Immutable maps, so a block hands its members to callers without copying them.</remarks>
    public Dictionary<string, ImmutableDictionary<string, string>> Members { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The ids refused because the block was full; kept so a re-sent id is not counted twice.</summary>
    public HashSet<string> Refused { get; set; } = new(StringComparer.Ordinal);

    /// <summary>True once a member has been refused: the block is too large to scan whole.</summary>
    [JsonIgnore]
    public bool IsOverCap => Refused.Count > 0;

    /// <summary>How many members were refused.</summary>
    [JsonIgnore]
    public int RefusedCount => Refused.Count;

    /// <summary>
    /// Adds <paramref name="memberId"/> with <paramref name="features"/>, or replaces its features when it is a
    /// member; refuses it when it is new and <paramref name="capacity"/> admits no more.
    /// </summary>
    public BlockMembershipChange Add(string memberId, IReadOnlyDictionary<string, string> features, BlockCapacity capacity)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(capacity);
        if (Members.TryGetValue(memberId, out var existing))
        {
            if (SameFeatures(existing, features))
            {
                return BlockMembershipChange.Unchanged;
            }

            Members[memberId] = Copy(features);
            return BlockMembershipChange.Added;
        }

        if (!capacity.Admits(Members.Count))
        {
            Refused.Add(memberId);
            return BlockMembershipChange.Refused;
        }

        Members[memberId] = Copy(features);
        Refused.Remove(memberId);
        return BlockMembershipChange.Added;
    }

    /// <summary>Removes <paramref name="memberId"/> (and forgets it was refused); the over-cap report stays while others were refused.</summary>
    public BlockMembershipChange Remove(string memberId)
    {
        ArgumentException.ThrowIfNullOrEmpty(memberId);
        var wasRefused = Refused.Remove(memberId);
        return Members.Remove(memberId) || wasRefused ? BlockMembershipChange.Removed : BlockMembershipChange.Unchanged;
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
