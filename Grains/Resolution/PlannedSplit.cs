using System.Collections.Immutable;

namespace Cdm.Grains.Resolution;

/// <summary>
/// A current profile whose records the model now puts into more than one group: the groups (largest first, each in
/// ordinal order). The first group stays in the profile; the others move out.
/// </summary>
public sealed record PlannedSplit(string ProfileId, ImmutableArray<ImmutableArray<string>> Groups);
