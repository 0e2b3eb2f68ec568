using System.Collections.Immutable;

namespace Cdm.Contracts.Matching;

/// <summary>
/// One merge or split a re-resolution found. A merge lists the current profiles and, as its one group, the records
/// that would be together, with the best link as reason; a split lists its profile and the groups its records would
/// fall into (the first stays).
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ReResolveExample")]
public sealed record ReResolveExample(
    [property: Id(0)] ReResolveChange Kind,
    [property: Id(1)] ImmutableArray<string> ProfileIds,
    [property: Id(2)] ImmutableArray<ImmutableArray<string>> Groups,
    [property: Id(3)] string Reason);
