using System.Collections.Immutable;

namespace Cdm.Contracts.Matching;

/// <summary>
/// The outcome of a re-resolution: what was read and scored, the merges and splits the model implies (groups of
/// current profiles that would become one; profiles whose records would part), what was applied, the links a
/// do-not-link constraint or an identity-graph limit held apart, the pairs a steward accepted that were kept
/// together, and examples.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ReResolveSummary")]
public sealed record ReResolveSummary(
    [property: Id(0)] int ModelVersion,
    [property: Id(1)] bool Applied,
    [property: Id(2)] int Profiles,
    [property: Id(3)] int Records,
    [property: Id(4)] long CandidatePairs,
    [property: Id(5)] long LinkPairs,
    [property: Id(6)] int WouldMergeGroups,
    [property: Id(7)] int WouldMergeProfiles,
    [property: Id(8)] int WouldSplitProfiles,
    [property: Id(9)] int MergesApplied,
    [property: Id(10)] int SplitsApplied,
    [property: Id(11)] int RefusedByDoNotLink,
    [property: Id(14)] int LimitConflicts,
    [property: Id(15)] int AcceptedLinks,
    [property: Id(12)] TimeSpan Elapsed,
    [property: Id(13)] ImmutableArray<ReResolveExample> Examples);
