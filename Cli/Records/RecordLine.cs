using Cdm.Api.V1;

namespace Cdm.Cli.Records;

/// <summary>
/// One entry read from a record file: either a record or the reason the line could not be read.
/// <see cref="LineNumber"/> is 1-based and counts physical lines (the CSV header is line 1).
/// </summary>
public sealed record RecordLine(long LineNumber, SourceRecord? Record, string? Error, string? Truth = null)
{
    public static RecordLine Malformed(long lineNumber, string error) => new(lineNumber, null, error);
}
