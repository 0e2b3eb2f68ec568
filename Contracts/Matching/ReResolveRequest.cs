namespace Cdm.Contracts.Matching;

/// <summary>
/// What to re-resolve with: a model version (0: the active one; with none active, only deterministic links), whether
/// to apply the changes or only report them, and how many merges and splits to show as examples.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ReResolveRequest")]
public sealed record ReResolveRequest(
    [property: Id(0)] int ModelVersion,
    [property: Id(1)] bool Apply,
    [property: Id(2)] int MaxExamples);
