using Cdm.Api.V1;

namespace Cdm.Cli.Ingest;

/// <summary>A record to send, with a caller's tag (a line number, a sequence number) returned with its result.</summary>
public readonly record struct OutgoingRecord(long Tag, SourceRecord Record);
