using Cdm.Cli.Evaluation;

namespace Cdm.Bench.Truth;

/// <summary>
/// How the server's profiles differ from the truth components. Exact when no record is missing, no
/// component is split over several profiles and no profile holds several components.
/// </summary>
public sealed record PartitionReport(
    PairwiseMetrics Metrics,
    long Missing,
    long Extra,
    long SplitComponents,
    long MixedProfiles,
    IReadOnlyList<string> FirstMissing,
    IReadOnlyList<string> FirstSplits,
    IReadOnlyList<string> FirstMixes)
{
    public bool IsExact => Missing == 0 && SplitComponents == 0 && MixedProfiles == 0;
}
