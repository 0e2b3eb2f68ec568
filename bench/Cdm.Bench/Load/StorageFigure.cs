namespace Cdm.Bench.Load;

/// <summary>Durable single-row writes per second of SQLite in one configuration.</summary>
public sealed record StorageFigure(string Synchronous, int Writers, long Rows, double Seconds, double RowsPerSecond, string? Error);
