namespace Cdm.Contracts.Profiles;

/// <summary>
/// The loser's answer to a merge request: its frozen snapshot while merging into <see cref="Target"/>;
/// or, once the merge is complete, no snapshot and the profile it was merged into.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.BeginMergeResult")]
public sealed record BeginMergeResult([property: Id(0)] string Target, [property: Id(1)] MergeSnapshot? Snapshot);
