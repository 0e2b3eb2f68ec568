using System.Collections.Immutable;

namespace Cdm.Contracts.Records;

/// <summary>A source record as received from a source system, before validation and normalisation.</summary>
[GenerateSerializer, Immutable, Alias("cdm.IncomingRecord")]
public sealed record IncomingRecord(
    [property: Id(0)] string Source,
    [property: Id(1)] string RecordId,
    [property: Id(2)] DateTimeOffset? ObservedAt,
    [property: Id(3)] ImmutableDictionary<string, string> Attributes,
    [property: Id(4)] ImmutableArray<ExternalIdentifier> Identifiers)
{
    /// <summary>Consent statements the record carries, for the person it is about.</summary>
    [Id(5)]
    public ImmutableArray<Consent.IncomingConsent> Consents { get; init; } = [];
}
