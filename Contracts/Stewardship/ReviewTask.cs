using System.Collections.Immutable;

namespace Cdm.Contracts.Stewardship;

/// <summary>
/// A possible match between two source records that scored between the model's thresholds, for a steward to
/// accept (merge) or reject (do-not-link). <see cref="Id"/> derives from the pair, so the same pair opens one task.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ReviewTask")]
public sealed record ReviewTask(
    [property: Id(0)] string Id,
    [property: Id(1)] string LeftSourceKey,
    [property: Id(2)] string RightSourceKey,
    [property: Id(3)] double Weight,
    [property: Id(4)] double Probability,
    [property: Id(5)] ImmutableArray<FieldEvidence> Evidence,
    [property: Id(6)] int ModelVersion,
    [property: Id(7)] DateTimeOffset OpenedAt,
    [property: Id(8)] ReviewStatus Status,
    [property: Id(9)] string? DecidedBy,
    [property: Id(10)] DateTimeOffset? DecidedAt,
    [property: Id(11)] string Kind)
{
    /// <summary>A pair scored between the thresholds.</summary>
    public const string PossibleMatch = "possible_match";

    /// <summary>A link not made because a do-not-link constraint or an identifier limit forbade it.</summary>
    public const string LinkConflict = "link_conflict";

    /// <summary>An identifier of the record not linked because its profile already holds the most of that type.</summary>
    public const string IdentifierLimit = "identifier_limit";

    /// <summary>The id of the task about two source keys, whichever order they come in.</summary>
    public static string IdFor(string a, string b) =>
        string.CompareOrdinal(a, b) <= 0 ? string.Concat(a, "|", b) : string.Concat(b, "|", a);
}

/// <summary>One field's part of a pair's score: the level the values fell in and its weight in bits.</summary>
[GenerateSerializer, Immutable, Alias("cdm.FieldEvidence")]
public sealed record FieldEvidence(
    [property: Id(0)] string Field,
    [property: Id(1)] string Level,
    [property: Id(2)] double Weight);

/// <summary>Where a review task stands.</summary>
public enum ReviewStatus
{
    Open,
    Accepted,
    Rejected,

    /// <summary>Closed without a steward: the two records came into one profile by other evidence, or one left.</summary>
    Resolved,
}
