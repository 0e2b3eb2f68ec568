namespace Cdm.Bench.Load;

/// <summary>What the measured part of a load run achieved.</summary>
public sealed record IngestFigures(
    long Sent,
    long Completed,
    double Seconds,
    double RecordsPerSecond,
    double SteadyRecordsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyDictionary<string, long> Statuses,
    long Rejected,
    long NoResult,
    string? Error);
