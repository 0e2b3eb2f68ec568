using System.Text.Json.Serialization;

namespace Cdm.Contracts.Profiles;

/// <summary>
/// Where a golden value came from: the source record, its observed-at, and the rule that chose it. A derived
/// value (<see cref="DerivedFrom"/> set) was not sent by the source: it was derived at ingest from the attribute
/// <see cref="DerivedFrom"/> of the same record, whose golden value that rule chose.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ValueLineage")]
public sealed record ValueLineage(
    [property: Id(0)] string Source,
    [property: Id(1)] string RecordId,
    [property: Id(2)] DateTimeOffset ObservedAt,
    [property: Id(3)] string Rule)
{
    /// <summary>The source attribute a derived value was derived from (for example <c>phone</c>); null for a value the source sent.</summary>
    [Id(4)]
    public string? DerivedFrom { get; init; }

    /// <summary>Whether the value was derived at ingest rather than sent by the source.</summary>
    [JsonIgnore]
    public bool IsDerived => DerivedFrom is not null;
}
