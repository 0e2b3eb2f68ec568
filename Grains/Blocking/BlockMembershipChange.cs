namespace Cdm.Grains.Blocking;

/// <summary>What adding or removing a member did to a <see cref="BlockMembership"/>.</summary>
public enum BlockMembershipChange
{
    /// <summary>The member was added, or its features replaced.</summary>
    Added,

    /// <summary>Nothing changed: the member was already there with the same features, or was not there to remove.</summary>
    Unchanged,

    /// <summary>The block is at its cap and the member was refused (and counted once).</summary>
    Refused,

    /// <summary>The member was removed.</summary>
    Removed,
}
