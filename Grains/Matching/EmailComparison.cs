namespace Cdm.Grains.Matching;

/// <summary>
/// Email addresses (lower case): exact; one typo (as <see cref="TypoComparison"/>); the same local part at another
/// domain (a mistyped or changed domain, the part before <c>@</c> being the personal one), when that part has at
/// least <see cref="MinLocalPartLength"/> characters (initials such as <c>j.s</c> are shared by many people); close
/// (Jaro-Winkler at least <see cref="SimilarityComparison.CloseThreshold"/>, several typos); different.
/// </summary>
public sealed class EmailComparison(string field, Func<MatchRecord, string?> value)
    : Comparison(field, ["exact", "one_typo", "same_local_part", "close", "different"], value)
{
    /// <summary>The shortest local part that can agree on its own.</summary>
    public const int MinLocalPartLength = 5;

    /// <summary>The email comparison.</summary>
    public static EmailComparison Email() => new("email", r => r.Email);

    protected override int CompareDifferent(string left, string right, MatchRecord leftRecord, MatchRecord rightRecord)
    {
        if (left.Length == right.Length && EditDistance.Damerau(left, right, bound: 1) <= 1)
        {
            return 2;
        }

        var (a, b) = (left.IndexOf('@', StringComparison.Ordinal), right.IndexOf('@', StringComparison.Ordinal));
        if (a >= MinLocalPartLength && a == b && left.AsSpan(0, a).SequenceEqual(right.AsSpan(0, b)))
        {
            return 3;
        }

        return JaroWinkler.Similarity(left, right) >= SimilarityComparison.CloseThreshold ? 4 : Different;
    }
}
