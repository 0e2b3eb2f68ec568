namespace Cdm.Contracts.Profiles;

/// <summary>
/// Where calls for a profile go: <see cref="Target"/> is null when the profile is active (or does not
/// exist yet, or is closed), else the profile it is merging or was merged into.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ProfileRoute")]
public sealed record ProfileRoute([property: Id(0)] string? Target, [property: Id(1)] bool Exists)
{
    /// <summary>The profile is being erased or was erased: it takes nothing and leads nowhere.</summary>
    [Id(2)]
    public bool Closed { get; init; }
}
