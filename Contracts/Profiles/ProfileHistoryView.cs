using System.Collections.Immutable;

namespace Cdm.Contracts.Profiles;

/// <summary>A profile's history, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("cdm.ProfileHistoryView")]
public sealed record ProfileHistoryView(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] ImmutableArray<HistoryEntry> Entries);
