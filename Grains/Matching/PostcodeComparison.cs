namespace Cdm.Grains.Matching;

/// <summary>
/// Postcodes (upper case, as <c>PostcodeNormaliser</c> writes them): exact; close (the same first three characters,
/// spaces ignored, or two all-digit codes of one length within <see cref="NumericDistance"/>); different.
/// </summary>
public sealed class PostcodeComparison(string field, Func<MatchRecord, string?> value)
    : Comparison(field, ["exact", "close", "different"], value)
{
    /// <summary>The largest difference of two numeric postcodes that still counts as close.</summary>
    public const int NumericDistance = 5;

    private const int PrefixLength = 3;

    /// <summary>The postcode comparison.</summary>
    public static PostcodeComparison Postcode() => new("postcode", r => r.Postcode);

    protected override int CompareDifferent(string left, string right, MatchRecord leftRecord, MatchRecord rightRecord)
    {
        var a = left.Replace(" ", string.Empty, StringComparison.Ordinal);
        var b = right.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return Exact;
        }

        if (a.Length >= PrefixLength && b.Length >= PrefixLength && a.AsSpan(0, PrefixLength).SequenceEqual(b.AsSpan(0, PrefixLength)))
        {
            return 2;
        }

        if (a.Length == b.Length && long.TryParse(a, out var x) && long.TryParse(b, out var y) && Math.Abs(x - y) <= NumericDistance)
        {
            return 2;
        }

        return Different;
    }
}
