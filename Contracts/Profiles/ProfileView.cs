using System.Collections.Immutable;

namespace Cdm.Contracts.Profiles;

/// <summary>A unified profile as read: golden record with lineage, identifiers and member records.</summary>
[GenerateSerializer, Immutable, Alias("cdm.ProfileView")]
public sealed record ProfileView(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] ImmutableArray<GoldenValue> Golden,
    [property: Id(2)] ImmutableArray<string> IdentifierKeys,
    [property: Id(3)] ImmutableArray<MemberView> Members,
    [property: Id(4)] ImmutableArray<string> MergedProfileIds,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset UpdatedAt,
    [property: Id(7)] string? RequestedProfileId);
