namespace Cdm.Bench.Load;

/// <summary>One timed re-resolution: wall-clock seconds at the client, the server's own figure, and what it found and did.</summary>
public sealed record ReResolveFigures(
    bool Applied,
    int ModelVersion,
    double Seconds,
    double ServerSeconds,
    int Profiles,
    int Records,
    long CandidatePairs,
    long LinkPairs,
    int WouldMergeGroups,
    int WouldSplitProfiles,
    int MergesApplied,
    int SplitsApplied,
    int RefusedByDoNotLink,
    int LimitConflicts,
    int AcceptedLinks,
    IReadOnlyDictionary<string, double> PhaseSeconds)
{
    public double ProfilesPerSecond => Seconds > 0 ? Profiles / Seconds : 0;
}
