namespace Cdm.Grains.Matching;

/// <summary>
/// A house number: exact; near (the leading numbers within <see cref="Tolerance"/>, so <c>12</c> and <c>12a</c> or
/// <c>14</c>); different.
/// </summary>
public sealed class NumberComparison(string field, Func<MatchRecord, string?> value)
    : Comparison(field, ["exact", "near", "different"], value)
{
    /// <summary>The largest difference that still counts as near.</summary>
    public const int Tolerance = 2;

    /// <summary>The street-number comparison.</summary>
    public static NumberComparison StreetNumber() => new("street_number", r => r.StreetNumber);

    protected override int CompareDifferent(string left, string right, MatchRecord leftRecord, MatchRecord rightRecord) =>
        TryLeadingNumber(left, out var a) && TryLeadingNumber(right, out var b) && Math.Abs(a - b) <= Tolerance ? 2 : Different;

    private static bool TryLeadingNumber(string value, out long number)
    {
        var span = value.AsSpan().Trim();
        var length = 0;
        while (length < span.Length && length < 9 && char.IsAsciiDigit(span[length]))
        {
            length++;
        }

        number = 0;
        return length > 0 && long.TryParse(span[..length], out number);
    }
}
