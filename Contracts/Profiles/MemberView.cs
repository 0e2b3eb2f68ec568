using System.Collections.Immutable;
using Cdm.Contracts.Records;

namespace Cdm.Contracts.Profiles;

/// <summary>A source record held by a profile: its versions (oldest first, by observed-at) and why it is linked.</summary>
[GenerateSerializer, Immutable, Alias("cdm.MemberView")]
public sealed record MemberView(
    [property: Id(0)] string Source,
    [property: Id(1)] string RecordId,
    [property: Id(2)] RecordVersion Current,
    [property: Id(3)] ImmutableArray<RecordVersion> Versions,
    [property: Id(4)] int VersionCount,
    [property: Id(5)] string LinkReason);
