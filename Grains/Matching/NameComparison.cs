using Cdm.Grains.Enrichment;

namespace Cdm.Grains.Matching;

/// <summary>
/// A first or last name: exact, close, loose (Jaro-Winkler bands as <see cref="SimilarityComparison"/>),
/// swapped (this record's first name is the other's last name and the other way round, each at least close),
/// different. The swap looks at both names of both records, so it is a record-level comparison. The first name
/// also has a nickname level (<c>bill</c> and <c>william</c>, from <see cref="NameVariants"/>), for names that are
/// not close in spelling but are one name.
/// </summary>
public sealed class NameComparison : Comparison
{
    /// <summary>The index of the swapped level.</summary>
    public const int Swapped = 4;

    /// <summary>The index of the nickname level of a comparison that has one.</summary>
    public const int Nickname = 5;

    private readonly NameVariants? variants;

    private NameComparison(string field, Func<MatchRecord, string?> value, NameVariants? variants)
        : base(field, variants is null ? ["exact", "close", "loose", "swapped", "different"] : ["exact", "close", "loose", "swapped", "nickname", "different"], value)
    {
        this.variants = variants;
    }

    /// <summary>The first-name comparison, with the nickname level of <paramref name="variants"/> (by default the shipped table).</summary>
    public static NameComparison FirstName(NameVariants? variants = null) => new("first_name", r => r.FirstName, variants ?? NameVariants.Shipped);

    /// <summary>The last-name comparison.</summary>
    public static NameComparison LastName() => new("last_name", r => r.LastName, null);

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
        if (band != 2 && variants is not null && ShareACanonicalName(left, right))
        {
            return Nickname;
        }

        return band == 4 ? Different : band;
    }

    private bool ShareACanonicalName(string left, string right)
    {
        var a = variants!.CanonicalsOf(left);
        if (a.IsEmpty)
        {
            return false;
        }

        foreach (var canonical in variants.CanonicalsOf(right))
        {
            if (a.Contains(canonical))
            {
                return true;
            }
        }

        return false;
    }
}
