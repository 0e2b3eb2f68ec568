namespace Cdm.Contracts.Consent;

/// <summary>
/// One statement about a purpose: its status and basis, where it came from, when it was given (<see cref="At"/>,
/// the time that orders statements, not their arrival) and until when it holds.
/// </summary>
/// <param name="Source">The system or channel that recorded it (a source name, <c>api</c>, or <c>merge</c>).</param>
/// <param name="ExpiresAt">When a grant lapses; null when it does not.</param>
/// <param name="RecordedAt">When CdmOrleans received it; breaks no ties of <see cref="At"/>, only documents arrival.</param>
[GenerateSerializer, Immutable, Alias("cdm.ConsentStatement")]
public sealed record ConsentStatement(
    [property: Id(0)] string Purpose,
    [property: Id(1)] ConsentStatus Status,
    [property: Id(2)] LawfulBasis Basis,
    [property: Id(3)] string Source,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] DateTimeOffset RecordedAt)
{
    /// <summary>Source of the statement a merge writes when the two profiles disagreed.</summary>
    public const string MergeSource = "merge";

    /// <summary>True when this statement says the same as <paramref name="other"/>, whenever each arrived.</summary>
    public bool SameAs(ConsentStatement other) =>
        Purpose == other.Purpose && Status == other.Status && Basis == other.Basis && Source == other.Source
        && At == other.At && ExpiresAt == other.ExpiresAt;

    /// <summary>True when this statement takes precedence over <paramref name="other"/>: newer, or as new and more restrictive.</summary>
    public bool Supersedes(ConsentStatement other) =>
        At != other.At ? At > other.At : Status > other.Status;
}
