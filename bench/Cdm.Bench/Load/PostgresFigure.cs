namespace Cdm.Bench.Load;

/// <summary>Durable single-row upserts per second of PostgreSQL with a number of concurrent writers.</summary>
public sealed record PostgresFigure(int Writers, long Rows, double Seconds, double RowsPerSecond, string? Error);
