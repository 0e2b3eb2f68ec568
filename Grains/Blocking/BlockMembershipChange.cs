namespace Cdm.Grains.Blocking;

/// <summary>What adding or removing a member did to a <see cref="BlockMembership"/>.</summary>
public enum BlockMembershipChange
{
    /// <summary>The member was added, or its features replaced.</summary>
    Added,

    /// <summary>Nothing changed: the member was already there with the same features, or was not there to remove.</summary>
    Unchanged,

    /// <summary>The block was over its cap and the member was refused.</summary>
    Refused,

    /// <summary>The block reached its cap with this member, which was refused: the block is over its cap from now on.</summary>
    Capped,

    /// <summary>The member was removed.</summary>
    Removed,
}
