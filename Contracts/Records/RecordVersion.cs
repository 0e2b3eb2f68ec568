using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Cdm.Contracts.Records;

/// <summary>
/// One version of a source record after validation and normalisation, as a profile keeps it.
/// <see cref="Attributes"/> hold cleaned display values (email lower-cased, phone in E.164, dates in
/// ISO 8601); a flagged value is kept as received. <see cref="ContentHash"/> identifies the content so a
/// re-sent version is recognised and changes nothing.
/// <see cref="DerivedAttributes"/> are not the source's: they are derived at ingest from the attributes
/// (phone country, email domain, age band as of <see cref="ReceivedAt"/>, ...), kept apart so the content hash
/// covers only what the source sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.RecordVersion")]
public sealed record RecordVersion(
    [property: Id(0)] string Source,
    [property: Id(1)] string RecordId,
    [property: Id(2)] DateTimeOffset ObservedAt,
    [property: Id(3)] DateTimeOffset ReceivedAt,
    [property: Id(4)] ImmutableSortedDictionary<string, string> Attributes,
    [property: Id(5)] ImmutableArray<LinkIdentifier> Identifiers,
    [property: Id(6)] ImmutableArray<QualityFlag> QualityFlags,
    [property: Id(7)] string ContentHash)
{
    /// <summary>The source key, <c>src:&lt;source&gt;:&lt;record_id&gt;</c>: an identifier of its own.</summary>
    [JsonIgnore]
    public string SourceKey => SourceKeys.For(Source, RecordId);

    /// <summary>
    /// Attributes derived from <see cref="Attributes"/> at ingest, by name; empty when enrichment is off and for
    /// versions stored before it existed. An attribute with several values (an ambiguous nickname's canonical
    /// names) holds them joined by <c>", "</c>.
    /// </summary>
    [Id(8)]
    public ImmutableSortedDictionary<string, string> DerivedAttributes { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The consent statements the record carried, validated; the profile adds them to its ledger.</summary>
    [Id(9)]
    public ImmutableArray<Consent.ConsentStatement> Consents { get; init; } = [];
}
