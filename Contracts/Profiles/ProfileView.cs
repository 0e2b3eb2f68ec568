using System.Collections.Immutable;
using Cdm.Contracts.Privacy;

namespace Cdm.Contracts.Profiles;

/// <summary>
/// A unified profile as read for a purpose: golden record with lineage, identifiers and member records, less what the
/// purpose and the person's consent do not allow (listed in <see cref="Withheld"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ProfileView")]
public sealed record ProfileView(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] ImmutableArray<GoldenValue> Golden,
    [property: Id(2)] ImmutableArray<string> IdentifierKeys,
    [property: Id(3)] ImmutableArray<MemberView> Members,
    [property: Id(4)] ImmutableArray<string> MergedProfileIds,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] string? RequestedProfileId)
{
    /// <summary>The purpose the profile was read for.</summary>
    [Id(8)]
    public string Purpose { get; init; } = "";

    /// <summary>The attributes and identifier types left out of this read, by name, with their class and the reason.</summary>
    [Id(9)]
    public ImmutableArray<WithheldValue> Withheld { get; init; } = [];
}
