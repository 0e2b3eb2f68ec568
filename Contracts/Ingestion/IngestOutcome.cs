using System.Collections.Immutable;
using Cdm.Contracts.Records;

namespace Cdm.Contracts.Ingestion;

/// <summary>The result of one ingest: the profile now holding the record, or why it was rejected.</summary>
[GenerateSerializer, Immutable, Alias("cdm.IngestOutcome")]
public sealed record IngestOutcome(
    [property: Id(0)] IngestStatus Status,
    [property: Id(1)] string? ProfileId,
    [property: Id(2)] ImmutableArray<string> MergedProfileIds,
    [property: Id(3)] ImmutableArray<FieldViolation> Violations,
    [property: Id(4)] ImmutableArray<QualityFlag> QualityFlags)
{
    public static IngestOutcome Rejected(ImmutableArray<FieldViolation> violations) =>
        new(IngestStatus.Rejected, null, [], violations, []);
}
