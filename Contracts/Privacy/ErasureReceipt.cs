using System.Collections.Immutable;

namespace Cdm.Contracts.Privacy;

/// <summary>
/// What an erasure did, for the privacy officer to hand over or file. It holds no personal data: profile ids are
/// derived by a one-way hash, and the rest is counts and times.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ErasureReceipt")]
public sealed record ErasureReceipt(
    [property: Id(0)] string ErasureId,
    [property: Id(1)] ErasureStatus Status,
    [property: Id(2)] DateTimeOffset RequestedAt,
    [property: Id(3)] DateTimeOffset? CompletedAt,
    [property: Id(4)] string RequestedBy,
    [property: Id(5)] ImmutableArray<string> ProfileIds,
    [property: Id(6)] ErasureCounts Counts,
    [property: Id(7)] ImmutableArray<ErasureStep> Steps);

/// <summary>Whether an erasure has finished every step.</summary>
[GenerateSerializer, Alias("cdm.ErasureStatus")]
public enum ErasureStatus
{
    InProgress = 1,
    Completed = 2,
}

/// <summary>How much an erasure removed.</summary>
[GenerateSerializer, Immutable, Alias("cdm.ErasureCounts")]
public sealed record ErasureCounts(
    [property: Id(0)] int Records,
    [property: Id(1)] int Versions,
    [property: Id(2)] int Identifiers,
    [property: Id(3)] int SuppressionEntries,
    [property: Id(4)] int BlockEntries,
    [property: Id(5)] int ReviewTasks,
    [property: Id(6)] int RelatedProfiles,
    [property: Id(7)] int ConsentStatements)
{
    public static ErasureCounts None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>One finished step of an erasure and when it finished.</summary>
[GenerateSerializer, Immutable, Alias("cdm.ErasureStep")]
public sealed record ErasureStep([property: Id(0)] string Name, [property: Id(1)] DateTimeOffset At);
