namespace Cdm.Bench.Load;

/// <summary>The rate of empty unary calls (health checks) at a given concurrency.</summary>
public sealed record RoundTripFigures(int Concurrency, long Calls, double Seconds, double CallsPerSecond, string? Error);
