using System.Collections.Immutable;

namespace Cdm.Contracts.Profiles;

/// <summary>
/// What moving some members out of a profile takes: their full content, the members that stay, the identifier
/// keys only the moving members carry (they move; shared ones stay), and the profile's split count (part of the new
/// profile's id, so a retried split reaches the same profile).
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.SplitPlan")]
public sealed record SplitPlan(
    [property: Id(0)] ImmutableArray<MemberSnapshot> Moving,
    [property: Id(1)] ImmutableArray<string> Staying,
    [property: Id(2)] ImmutableArray<string> MovingIdentifierKeys,
    [property: Id(3)] int SplitCount);
