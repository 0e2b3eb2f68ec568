using System.Collections.Immutable;
using Cdm.Contracts.Records;

namespace Cdm.Contracts.Profiles;

/// <summary>
/// What a profile being erased hands to the erasure saga: everything the saga must find elsewhere (identifier grains,
/// blocks, review tasks, profiles that mention its records). Held by the saga only until its last step.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ErasureSubject")]
public sealed record ErasureSubject(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] ImmutableArray<string> IdentifierKeys,
    [property: Id(2)] ImmutableArray<string> MergedProfileIds,
    [property: Id(3)] ImmutableArray<RecordVersion> Versions,
    [property: Id(4)] ImmutableArray<string> DoNotLinkKeys,
    [property: Id(5)] ImmutableArray<string> MentionedProfileIds,
    [property: Id(6)] int ConsentStatements);

/// <summary>
/// A profile's answer to an erasure: its <see cref="Subject"/> while being erased by the asking erasure; or the profile
/// to ask instead (<see cref="RedirectTo"/>: it was merged); or the erasure that holds it (<see cref="ErasedBy"/>);
/// all null when it holds nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.BeginErasureResult")]
public sealed record BeginErasureResult(
    [property: Id(0)] ErasureSubject? Subject,
    [property: Id(1)] string? RedirectTo,
    [property: Id(2)] string? ErasedBy);
