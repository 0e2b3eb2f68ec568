namespace Cdm.Grains.Profiles;

/// <summary>Life cycle of a profile: active, handing its content to another in a merge, or merged away.</summary>
public enum ProfileStatus
{
    Active = 0,
    Merging = 1,
    MergedInto = 2,
}
