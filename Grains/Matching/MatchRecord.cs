namespace Cdm.Grains.Matching;

/// <summary>
/// The attributes of one record as the matcher compares them, already normalised (see <c>Normalisation/</c>):
/// names folded (<c>NameFolding.Fold</c>), dates ISO <c>yyyy-MM-dd</c>, postcodes upper case, emails lower case,
/// phones E.164. A missing or flagged attribute is <see langword="null"/>.
/// </summary>
public sealed record MatchRecord(
    string? FirstName = null,
    string? LastName = null,
    string? BirthDate = null,
    string? Street = null,
    string? StreetNumber = null,
    string? Postcode = null,
    string? City = null,
    string? NationalId = null,
    string? Email = null,
    string? Phone = null);
