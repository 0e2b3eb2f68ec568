using Cdm.Grains.Enrichment;

namespace Cdm.Grains.Matching;

/// <summary>
/// A first or last name: exact, close, loose (Jaro-Winkler bands as <see cref="SimilarityComparison"/>),
/// swapped (this record's first name is the other's last name and the other way round, each at least close),
/// crossed (only one name found in the other's other field, at least close: a swap where the second name is
/// missing or mistyped), different. The swap looks at both names of both records, so it is a record-level
/// comparison. The first name also has a nickname level (<c>bill</c> and <c>william</c>, from
/// <see cref="NameVariants"/>), for names that are not close in spelling but are one name.
/// </summary>
/// <remarks>
/// A crossed name is one fact seen by both comparisons, so only one of them counts it: the last-name comparison
/// when both records have a last name, otherwise the first-name comparison (the last-name one is then missing).
/// </remarks>
public sealed class NameComparison : Comparison
{
    /// <summary>The index of the swapped level.</summary>
    public const int Swapped = 4;

    /// <summary>The index of the nickname level of a comparison that has one.</summary>
    public const int Nickname = 5;

    private readonly NameVariants? variants;
    private readonly bool isFirstName;

    private NameComparison(string field, Func<MatchRecord, string?> value, NameVariants? variants, bool isFirstName)
        : base(field, variants is null ? ["exact", "close", "loose", "swapped", "crossed", "different"] : ["exact", "close", "loose", "swapped", "nickname", "crossed", "different"], value)
    {
        this.variants = variants;
        this.isFirstName = isFirstName;
    }

    /// <summary>The index of the crossed level.</summary>
    public int Crossed => Different - 1;

    /// <summary>The first-name comparison, with the nickname level of <paramref name="variants"/> (by default the shipped table).</summary>
    public static NameComparison FirstName(NameVariants? variants = null) => new("first_name", r => r.FirstName, variants ?? NameVariants.Shipped, isFirstName: true);

    /// <summary>The last-name comparison.</summary>
    public static NameComparison LastName() => new("last_name", r => r.LastName, null, isFirstName: false);

    /// <summary>True when the two records carry the same two names in swapped places.</summary>
    public static bool AreSwapped(MatchRecord left, MatchRecord right) =>
        left.FirstName is { Length: > 0 } leftFirst && left.LastName is { Length: > 0 } leftLast
        && right.FirstName is { Length: > 0 } rightFirst && right.LastName is { Length: > 0 } rightLast
        && !string.Equals(leftFirst, leftLast, StringComparison.Ordinal)
        && Close(leftFirst, rightLast) && Close(leftLast, rightFirst);

    /// <summary>True when one record's first name is, at least closely, the other's last name.</summary>
    public static bool AreCrossed(MatchRecord left, MatchRecord right) =>
        Close(left.FirstName, right.LastName) || Close(right.FirstName, left.LastName);

    protected override int CompareDifferent(string left, string right, MatchRecord leftRecord, MatchRecord rightRecord)
    {
        if (AreSwapped(leftRecord, rightRecord))
        {
            return Swapped;
        }

        var band = SimilarityComparison.Band(left, right);
        if (band == 2)
        {
            return band;
        }

        if (variants is not null && ShareACanonicalName(left, right))
        {
            return Nickname;
        }

        var countsCrossing = !isFirstName || string.IsNullOrEmpty(leftRecord.LastName) || string.IsNullOrEmpty(rightRecord.LastName);
        if (countsCrossing && AreCrossed(leftRecord, rightRecord))
        {
            return Crossed;
        }

        return band == 4 ? Different : band;
    }

    private static bool Close(string? left, string? right) =>
        !string.IsNullOrEmpty(left) && !string.IsNullOrEmpty(right) && JaroWinkler.Similarity(left, right) >= SimilarityComparison.CloseThreshold;

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
