using System.Collections.Immutable;

namespace Cdm.Contracts.Profiles;

/// <summary>Why each record is in a profile, and the merges and splits that shaped it.</summary>
[GenerateSerializer, Immutable, Alias("cdm.ProfileExplanation")]
public sealed record ProfileExplanation(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] ImmutableArray<MemberExplanation> Members,
    [property: Id(2)] ImmutableArray<HistoryEntry> Links);

/// <summary>One member: the reason it joined (an identifier, a match with its score and parts, a steward) and the records it must never join.</summary>
[GenerateSerializer, Immutable, Alias("cdm.MemberExplanation")]
public sealed record MemberExplanation(
    [property: Id(0)] string Source,
    [property: Id(1)] string RecordId,
    [property: Id(2)] string LinkReason,
    [property: Id(3)] ImmutableArray<string> DoNotLink);
