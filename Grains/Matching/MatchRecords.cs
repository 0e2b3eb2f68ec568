using Cdm.Contracts.Records;
using Cdm.Grains.Normalisation;

namespace Cdm.Grains.Matching;

/// <summary>Builds the <see cref="MatchRecord"/> of a normalised record version.</summary>
public static class MatchRecords
{
    /// <summary>The attributes the matcher compares, less the flagged ones; names folded, street and city lower case.</summary>
    public static MatchRecord From(RecordVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var flagged = version.QualityFlags.IsDefaultOrEmpty
            ? []
            : version.QualityFlags.Select(f => f.Attribute).ToHashSet(StringComparer.Ordinal);
        string? Get(string attribute) =>
            !flagged.Contains(attribute) && version.Attributes.TryGetValue(attribute, out var value) && value.Length > 0 ? value : null;
        string? Fold(string attribute) => Get(attribute) is { } v && NameFolding.Fold(v) is { Length: > 0 } folded ? folded : null;

        return new MatchRecord(
            FirstName: Fold("first_name"),
            LastName: Fold("last_name"),
            BirthDate: Get("birth_date"),
            Street: Get("address_line1")?.ToLowerInvariant(),
            StreetNumber: Get("street_number"),
            Postcode: Get("postcode"),
            City: Get("city")?.ToLowerInvariant(),
            NationalId: Get("national_id"),
            Email: Get("email"),
            Phone: Get("phone"));
    }
}
