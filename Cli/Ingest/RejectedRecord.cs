namespace Cdm.Cli.Ingest;

/// <summary>A record the gateway refused, or a line that could not be read, with where it was in the file.</summary>
public sealed record RejectedRecord(long LineNumber, string? Source, string? RecordId, IReadOnlyList<string> Reasons);
