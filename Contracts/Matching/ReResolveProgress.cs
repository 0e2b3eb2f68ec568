namespace Cdm.Contracts.Matching;

/// <summary>
/// How far a re-resolution is: the phase and its done and total counts (total 0 while unknown, as in a scan);
/// <see cref="Summary"/> is set on the last element only.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ReResolveProgress")]
public sealed record ReResolveProgress(
    [property: Id(0)] string Phase,
    [property: Id(1)] long Done,
    [property: Id(2)] long Total,
    [property: Id(3)] ReResolveSummary? Summary = null);
