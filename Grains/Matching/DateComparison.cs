using System.Globalization;

namespace Cdm.Grains.Matching;

/// <summary>
/// ISO dates (<c>yyyy-MM-dd</c>, as <c>DateNormaliser</c> writes them): exact; day and month swapped (a date read
/// in the wrong order); one component off (two of year, month and day agree: a typo in one of them); within a year
/// of each other; within ten years; different. The distance levels catch dates entered roughly or with several
/// typos, which agree far more often among matches than among random pairs. A value that is not an ISO date only
/// ever agrees exactly.
/// </summary>
public sealed class DateComparison(string field, Func<MatchRecord, string?> value)
    : Comparison(field, ["exact", "day_month_swapped", "one_component_off", "within_a_year", "within_ten_years", "different"], value)
{
    private const int DaysInAYear = 366;
    private const int DaysInTenYears = 3653;

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

        if (!TryDate(left, out var x) || !TryDate(right, out var y))
        {
            return Different;
        }

        var days = Math.Abs(x.DayNumber - y.DayNumber);
        return days <= DaysInAYear ? 4 : days <= DaysInTenYears ? 5 : Different;
    }

    private static bool TryDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

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
