using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>The comparisons of a person record, in the order their levels appear in a comparison vector.</summary>
public static class StandardComparisons
{
    /// <summary>First name, last name, birth date, street, street number, postcode, city, national id, email, phone.</summary>
    public static ImmutableArray<Comparison> Create() =>
    [
        NameComparison.FirstName(),
        NameComparison.LastName(),
        DateComparison.BirthDate(),
        new SimilarityComparison("street", r => r.Street),
        NumberComparison.StreetNumber(),
        PostcodeComparison.Postcode(),
        new SimilarityComparison("city", r => r.City),
        TypoComparison.NationalId(),
        EmailComparison.Email(),
        TypoComparison.Phone(),
    ];

    /// <summary>The comparison vector of a pair: one level index per comparison.</summary>
    public static byte[] Compare(ImmutableArray<Comparison> comparisons, MatchRecord left, MatchRecord right)
    {
        var levels = new byte[comparisons.Length];
        for (var i = 0; i < comparisons.Length; i++)
        {
            levels[i] = (byte)comparisons[i].Compare(left, right);
        }

        return levels;
    }
}
