namespace Cdm.Grains.Profiles;

/// <summary>Life cycle of a profile: active, handing its content to another in a merge, merged away, or erased.</summary>
public enum ProfileStatus
{
    Active = 0,
    Merging = 1,
    MergedInto = 2,

    /// <summary>An erasure saga is removing the person: the profile refuses every change and answers no read.</summary>
    Erasing = 3,

    /// <summary>A tombstone: the erasure that emptied it, and nothing personal.</summary>
    Erased = 4,
}
