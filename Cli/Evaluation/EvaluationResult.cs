namespace Cdm.Cli.Evaluation;

/// <summary>What <c>cdm evaluate</c> found: the pairwise scores and the records it could not score.</summary>
public sealed record EvaluationResult(
    PairwiseMetrics Metrics,
    long RecordsRead,
    long MissingFromXref,
    long WithoutTruth,
    long Malformed,
    long Duplicates,
    IReadOnlyList<string> FirstMissing);
