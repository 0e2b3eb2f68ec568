using System.Collections.Immutable;
using Cdm.Api.V1;
using Cdm.Contracts.Ingestion;
using Cdm.Gateway.Consent;
using Cdm.Gateway.Errors;
using Contract = Cdm.Contracts.Records;

namespace Cdm.Gateway.Ingestion;

/// <summary>Maps ingestion messages between the public API and the grain contracts.</summary>
public static class RecordMapping
{
    public static Contract.IncomingRecord ToContract(this SourceRecord record)
    {
        var observedAt = TimestampFields.TimeOf(record.ObservedAt, "observed_at");
        return new Contract.IncomingRecord(
            record.Source,
            record.RecordId,
            observedAt,
            record.Attributes.ToImmutableDictionary(StringComparer.Ordinal),
            [.. record.Identifiers.Select(static i => new Contract.ExternalIdentifier(i.Type, i.Value))])
        {
            Consents = [.. record.Consents.Select(static (c, i) => c.ToIncoming($"consents[{i}]"))],
        };
    }

    public static IngestResult ToProto(this IngestOutcome outcome, SourceRecord record, ulong index)
    {
        var result = new IngestResult
        {
            Source = record.Source,
            RecordId = record.RecordId,
            Index = index,
            Status = outcome.Status.ToProto(),
            ProfileId = outcome.ProfileId ?? "",
        };
        result.MergedProfileIds.AddRange(outcome.MergedProfileIds);
        result.Violations.AddRange(outcome.Violations.Select(static v => new FieldViolation { Field = v.Field, Reason = v.Reason }));
        result.QualityFlags.AddRange(outcome.QualityFlags.Select(static f => new QualityFlag { Attribute = f.Attribute, Issue = f.Issue }));
        return result;
    }

    private static Api.V1.IngestStatus ToProto(this Contracts.Ingestion.IngestStatus status) => status switch
    {
        Contracts.Ingestion.IngestStatus.Created => Api.V1.IngestStatus.Created,
        Contracts.Ingestion.IngestStatus.Linked => Api.V1.IngestStatus.Linked,
        Contracts.Ingestion.IngestStatus.Merged => Api.V1.IngestStatus.Merged,
        Contracts.Ingestion.IngestStatus.Updated => Api.V1.IngestStatus.Updated,
        Contracts.Ingestion.IngestStatus.Unchanged => Api.V1.IngestStatus.Unchanged,
        Contracts.Ingestion.IngestStatus.Rejected => Api.V1.IngestStatus.Rejected,
        _ => Api.V1.IngestStatus.Unspecified,
    };
}
