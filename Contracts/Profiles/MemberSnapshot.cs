using System.Collections.Immutable;
using Cdm.Contracts.Records;

namespace Cdm.Contracts.Profiles;

/// <summary>Everything a profile keeps of one source record, moved whole from loser to survivor in a merge.</summary>
[GenerateSerializer, Immutable, Alias("cdm.MemberSnapshot")]
public sealed record MemberSnapshot(
    [property: Id(0)] string SourceKey,
    [property: Id(1)] ImmutableArray<RecordVersion> Versions,
    [property: Id(2)] string LinkReason)
{
    /// <summary>Source keys this record must never share a profile with (steward rejections and splits).</summary>
    [Id(3)]
    public ImmutableArray<string> DoNotLink { get; init; } = [];
}
