using System.Collections.Immutable;
using Cdm.Grains.Matching;

namespace Cdm.Grains.Resolution;

/// <summary>
/// Current profiles (ordinal order) whose records the model now puts into one group, with the group's records and
/// the best-scoring pair that joins records of different profiles (the reason). Without a score, the pair is one a
/// steward accepted, or there is none when the records share an identifier.
/// </summary>
public sealed record PlannedMerge(ImmutableArray<string> ProfileIds, ImmutableArray<string> SourceKeys, string? LeftKey, string? RightKey, MatchScore? BestScore)
{
    /// <summary>The reason recorded with the merge.</summary>
    public string Describe() => BestScore is null
        ? LeftKey is null ? "records share an identifier" : $"steward accepted {LeftKey} with {RightKey}"
        : $"match of {LeftKey} with {RightKey}: {BestScore.Weight:F1} bits, p={BestScore.Probability:F3} ("
        + string.Join(", ", BestScore.Parts.Where(static p => p.Weight != 0).Select(static p => $"{p.Field} {p.Level} {p.Weight:+0.0;-0.0}"))
        + ")";
}
