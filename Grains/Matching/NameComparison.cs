namespace Cdm.Grains.Matching;

/// <summary>
/// A first or last name: exact, close, loose (Jaro-Winkler bands as <see cref="SimilarityComparison"/>),
/// swapped (this record's first name is the other's last name and the other way round, each at least close),
/// different. The swap looks at both names of both records, so it is a record-level comparison.
/// </summary>
public sealed class NameComparison : Comparison
{
    /// <summary>The index of the swapped level.</summary>
    public const int Swapped = 4;

    private NameComparison(string field, Func<MatchRecord, string?> value)
        : base(field, ["exact", "close", "loose", "swapped", "different"], value)
    {
    }

    /// <summary>The first-name comparison.</summary>
    public static NameComparison FirstName() => new("first_name", r => r.FirstName);

    /// <summary>The last-name comparison.</summary>
    public static NameComparison LastName() => new("last_name", r => r.LastName);

    /// <summary>True when the two records carry the same two names in swapped places.</summary>
    public static bool AreSwapped(MatchRecord left, MatchRecord right) =>
        left.FirstName is { Length: > 0 } leftFirst && left.LastName is { Length: > 0 } leftLast
        && right.FirstName is { Length: > 0 } rightFirst && right.LastName is { Length: > 0 } rightLast
        && !string.Equals(leftFirst, leftLast, StringComparison.Ordinal)
        && JaroWinkler.Similarity(leftFirst, rightLast) >= SimilarityComparison.CloseThreshold
        && JaroWinkler.Similarity(leftLast, rightFirst) >= SimilarityComparison.CloseThreshold;

    protected override int CompareDifferent(string left, string right, MatchRecord leftRecord, MatchRecord rightRecord)
    {
        if (AreSwapped(leftRecord, rightRecord))
        {
            return Swapped;
        }

        var band = SimilarityComparison.Band(left, right);
        return band == 4 ? Different : band;
    }
}
