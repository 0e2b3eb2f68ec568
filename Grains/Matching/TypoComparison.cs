namespace Cdm.Grains.Matching;

/// <summary>
/// An identifier-like value (national id, phone, email): exact; one typo (same length, one character different or
/// two adjacent characters swapped); different.
/// </summary>
public sealed class TypoComparison(string field, Func<MatchRecord, string?> value)
    : Comparison(field, ["exact", "one_typo", "different"], value)
{
    /// <summary>The national-id comparison.</summary>
    public static TypoComparison NationalId() => new("national_id", r => r.NationalId);

    /// <summary>An email comparison with typo levels only; <see cref="EmailComparison.Email"/> is the standard one.</summary>
    public static TypoComparison Email() => new("email", r => r.Email);

    /// <summary>The phone comparison.</summary>
    public static TypoComparison Phone() => new("phone", r => r.Phone);

    protected override int CompareDifferent(string left, string right, MatchRecord leftRecord, MatchRecord rightRecord) =>
        left.Length == right.Length && EditDistance.Damerau(left, right, bound: 1) <= 1 ? 2 : Different;
}
