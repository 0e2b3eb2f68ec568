using System.Collections.Immutable;

namespace Cdm.Grains.Resolution;

/// <summary>
/// What a model implies for the stored profiles: the partition of records into groups, and how it differs from the
/// current profiles (merges and splits), with the work it took: <see cref="RefusedByDoNotLink"/> unions a do-not-link
/// constraint held apart, <see cref="LimitConflicts"/> unions an identity-graph limit held apart,
/// <see cref="AcceptedLinks"/> pairs a steward accepted that were kept together.
/// </summary>
public sealed record ReResolutionPlan(
    int Profiles,
    int Records,
    long CandidatePairs,
    long LinkPairs,
    int RefusedByDoNotLink,
    int LimitConflicts,
    int AcceptedLinks,
    ImmutableArray<ImmutableArray<string>> Groups,
    ImmutableArray<PlannedMerge> Merges,
    ImmutableArray<PlannedSplit> Splits);
