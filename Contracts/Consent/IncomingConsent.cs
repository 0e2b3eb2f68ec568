namespace Cdm.Contracts.Consent;

/// <summary>
/// A consent statement carried in a source record, before validation: the status and basis are null when the
/// sender left them unspecified, and the time it was given defaults to the record's observed-at.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.IncomingConsent")]
public sealed record IncomingConsent(
    [property: Id(0)] string Purpose,
    [property: Id(1)] ConsentStatus? Status,
    [property: Id(2)] LawfulBasis? Basis,
    [property: Id(3)] DateTimeOffset? GivenAt,
    [property: Id(4)] DateTimeOffset? ExpiresAt);
