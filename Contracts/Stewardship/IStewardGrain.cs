using System.Collections.Immutable;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;

namespace Cdm.Contracts.Stewardship;

/// <summary>
/// What a data steward does: read the review queue with both records side by side, accept (merge) or reject
/// (do-not-link). Stateless; it coordinates the review-queue, identifier and profile grains.
/// </summary>
[Alias("cdm.IStewardGrain")]
public interface IStewardGrain : IGrainWithIntegerKey
{
    /// <summary>Review tasks with <paramref name="status"/> (all when null), the likeliest matches first, at most <paramref name="limit"/>.</summary>
    Task<ImmutableArray<ReviewTaskView>> ListReviewsAsync(ReviewStatus? status, int limit);

    /// <summary>One task with both records, or null.</summary>
    Task<ReviewTaskView?> GetReviewAsync(string taskId);

    /// <summary>Merges the two records' profiles (unless a do-not-link constraint forbids it) and closes the task.</summary>
    Task<StewardOutcome> AcceptAsync(string taskId, string steward);

    /// <summary>Forbids the two records to share a profile and closes the task; refused when they already share one.</summary>
    Task<StewardOutcome> RejectAsync(string taskId, string steward);

    /// <summary>
    /// Splits a source record out of its profile into a new one; later ingests never link it with the records that
    /// stay. Conflict when it is alone in its profile; not found when no profile holds it.
    /// </summary>
    Task<StewardOutcome> SplitAsync(string sourceKey, string steward);

    /// <summary>Why each record is in the profile <paramref name="lookup"/> finds (following merges); null when none.</summary>
    Task<ProfileExplanation?> ExplainAsync(ProfileLookup lookup);
}

/// <summary>A review task with the two records as they stand now and the profiles that hold them.</summary>
[GenerateSerializer, Immutable, Alias("cdm.ReviewTaskView")]
public sealed record ReviewTaskView(
    [property: Id(0)] ReviewTask Task,
    [property: Id(1)] ReviewSide Left,
    [property: Id(2)] ReviewSide Right);

/// <summary>One record of a review task: null profile and record when it is no longer held (deleted).</summary>
[GenerateSerializer, Immutable, Alias("cdm.ReviewSide")]
public sealed record ReviewSide(
    [property: Id(0)] string SourceKey,
    [property: Id(1)] string? ProfileId,
    [property: Id(2)] RecordVersion? Record);

/// <summary>What a steward's action did.</summary>
[GenerateSerializer, Immutable, Alias("cdm.StewardOutcome")]
public sealed record StewardOutcome(
    [property: Id(0)] StewardResult Result,
    [property: Id(1)] string Message,
    [property: Id(2)] ReviewTask? Task,
    [property: Id(3)] string? ProfileId);

/// <summary>The kind of answer to a steward's action.</summary>
[GenerateSerializer, Alias("cdm.StewardResult")]
public enum StewardResult
{
    Done = 1,
    NotFound = 2,

    /// <summary>The action contradicts what is stored (a do-not-link constraint, records already together, a record gone).</summary>
    Conflict = 3,
}
