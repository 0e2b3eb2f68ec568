namespace Cdm.Contracts.Profiles;

/// <summary>
/// Where calls for a profile go: <see cref="Target"/> is null when the profile is active (or does not
/// exist yet), else the profile it is merging or was merged into.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ProfileRoute")]
public sealed record ProfileRoute([property: Id(0)] string? Target, [property: Id(1)] bool Exists);
