namespace Cdm.Grains.Matching;

/// <summary>
/// ISO dates (<c>yyyy-MM-dd</c>, as <c>DateNormaliser</c> writes them): exact; day and month swapped (a date read
/// in the wrong order); one component off (two of year, month and day agree, so also the same year and month);
/// the same year; different. A value that is not an ISO date only ever agrees exactly.
/// </summary>
public sealed class DateComparison(string field, Func<MatchRecord, string?> value)
    : Comparison(field, ["exact", "day_month_swapped", "one_component_off", "same_year", "different"], value)
{
    /// <summary>The birth-date comparison.</summary>
    public static DateComparison BirthDate() => new("birth_date", r => r.BirthDate);

    protected override int CompareDifferent(string left, string right, MatchRecord leftRecord, MatchRecord rightRecord)
    {
        if (!TryParse(left, out var a) || !TryParse(right, out var b))
        {
            return Different;
        }

        if (a.Year == b.Year && a.Month == b.Day && a.Day == b.Month)
        {
            return 2;
        }

        var agreeing = (a.Year == b.Year ? 1 : 0) + (a.Month == b.Month ? 1 : 0) + (a.Day == b.Day ? 1 : 0);
        if (agreeing == 2)
        {
            return 3;
        }

        return a.Year == b.Year ? 4 : Different;
    }

    private static bool TryParse(string value, out (int Year, int Month, int Day) date)
    {
        date = default;
        var span = value.AsSpan();
        if (span.Length != 10 || span[4] != '-' || span[7] != '-'
            || !int.TryParse(span[..4], out var year) || !int.TryParse(span.Slice(5, 2), out var month)
            || !int.TryParse(span.Slice(8, 2), out var day))
        {
            return false;
        }

        date = (year, month, day);
        return true;
    }
}
