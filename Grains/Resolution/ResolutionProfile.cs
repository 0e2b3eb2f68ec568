using System.Collections.Immutable;

namespace Cdm.Grains.Resolution;

/// <summary>An active profile and its members, as they are stored now.</summary>
public sealed record ResolutionProfile(string ProfileId, ImmutableArray<ResolutionMember> Members);
