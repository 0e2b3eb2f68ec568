using System.Collections.Immutable;
using Cdm.Grains.Matching;

namespace Cdm.Grains.Resolution;

/// <summary>
/// One record as the re-resolution planner sees it: its source key, the deterministic identifier keys of every
/// version it holds (source keys left out: they only find the record itself), the source keys it must never
/// share a profile with, its blocking keys and its features for scoring (null: not scored).
/// </summary>
public sealed record ResolutionMember(
    string SourceKey,
    ImmutableArray<string> IdentifierKeys,
    ImmutableArray<string> DoNotLink,
    ImmutableArray<string> BlockKeys,
    MatchRecord? Record);
