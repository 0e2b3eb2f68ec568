using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Cdm.Contracts.Records;

/// <summary>
/// One version of a source record after validation and normalisation, as a profile keeps it.
/// <see cref="Attributes"/> hold cleaned display values (email lower-cased, phone in E.164, dates in
/// ISO 8601); a flagged value is kept as received. <see cref="ContentHash"/> identifies the content so a
/// re-sent version is recognised and changes nothing.
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
}
