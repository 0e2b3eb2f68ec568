using System.Collections.Immutable;
using Cdm.Contracts.Consent;

namespace Cdm.Contracts.Profiles;

/// <summary>
/// The content of a losing profile, frozen when it entered <c>Merging</c>: what the survivor absorbs.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.MergeSnapshot")]
public sealed record MergeSnapshot(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] ImmutableArray<MemberSnapshot> Members,
    [property: Id(2)] ImmutableArray<string> IdentifierKeys,
    [property: Id(3)] ImmutableArray<string> MergedProfileIds,
    [property: Id(4)] ImmutableArray<HistoryEntry> History,
    [property: Id(5)] DateTimeOffset? CreatedAt)
{
    /// <summary>Every consent statement the loser held; the survivor keeps the most restrictive where they disagree.</summary>
    [Id(6)]
    public ImmutableArray<ConsentStatement> Consents { get; init; } = [];
}
