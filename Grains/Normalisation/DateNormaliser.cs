using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// Dates (<c>birth_date</c> and every attribute ending in <c>_date</c>) to ISO 8601 <c>yyyy-MM-dd</c>. Reads
/// <c>yyyy-MM-dd</c>, <c>yyyyMMdd</c>, <c>yyyy/MM/dd</c>, <c>dd/MM/yyyy</c> or <c>MM/dd/yyyy</c> (as
/// <see cref="DateOrder"/> says, unless one reading is impossible), <c>dd.MM.yyyy</c>, <c>d MMM yyyy</c>,
/// <c>MMM d, yyyy</c> (English month names, short or long) and ISO date-times (the date as written, before any
/// offset is applied). A value in no such form, an impossible date (30 February, month 13), a date before 1900 or
/// after today is kept as received and flagged.
/// </summary>
public sealed partial class DateNormaliser : IAttributeNormaliser
{
    /// <summary>The quality issue of a value in no known date form.</summary>
    public const string UnrecognisedIssue = "not a recognised date";

    /// <summary>The quality issue of a date that does not exist (30 February, month 13).</summary>
    public const string ImpossibleIssue = "not a real calendar date";

    /// <summary>The quality issue of a date after today.</summary>
    public const string FutureIssue = "date is in the future";

    /// <summary>The quality issue of a date before 1900.</summary>
    public const string TooEarlyIssue = "date is before 1900";

    /// <summary>The earliest date accepted.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    private static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["jan"] = 1, ["january"] = 1, ["feb"] = 2, ["february"] = 2, ["mar"] = 3, ["march"] = 3,
        ["apr"] = 4, ["april"] = 4, ["may"] = 5, ["jun"] = 6, ["june"] = 6, ["jul"] = 7, ["july"] = 7,
        ["aug"] = 8, ["august"] = 8, ["sep"] = 9, ["sept"] = 9, ["september"] = 9, ["oct"] = 10, ["october"] = 10,
        ["nov"] = 11, ["november"] = 11, ["dec"] = 12, ["december"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly TimeProvider timeProvider;
    private readonly DateOrder order;

    /// <summary>Creates a date normaliser; <paramref name="timeProvider"/> says what today is.</summary>
    public DateNormaliser(TimeProvider timeProvider, DateOrder order = DateOrder.Dmy)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.timeProvider = timeProvider;
        this.order = order;
    }

    /// <inheritdoc />
    public NormalisedValue Normalise(string value)
    {
        var text = TextNormaliser.CollapseWhitespace(value);
        if (text.Length == 0)
        {
            return NormalisedValue.Dropped;
        }

        if (!TryRead(text, out var year, out var month, out var day))
        {
            return NormalisedValue.Flagged(value, UnrecognisedIssue);
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return NormalisedValue.Flagged(value, ImpossibleIssue);
        }

        var date = new DateOnly(year, month, day);
        if (date < Earliest)
        {
            return NormalisedValue.Flagged(value, TooEarlyIssue);
        }

        // "Today" is taken in the time zone furthest ahead of UTC, so a date that is already today somewhere
        // (a birth registered in New Zealand) is not called future.
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime.AddHours(14));
        if (date > today)
        {
            return NormalisedValue.Flagged(value, FutureIssue);
        }

        return NormalisedValue.Valid(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private bool TryRead(string text, out int year, out int month, out int day)
    {
        year = month = day = 0;
        Match match;
        if ((match = IsoDate().Match(text)).Success || (match = CompactDate().Match(text)).Success
            || (match = YearFirstSlashDate().Match(text)).Success)
        {
            (year, month, day) = (Number(match, "y"), Number(match, "m"), Number(match, "d"));
            return true;
        }

        if ((match = DottedDate().Match(text)).Success)
        {
            (year, month, day) = (Number(match, "y"), Number(match, "b"), Number(match, "a"));
            return true;
        }

        if ((match = SlashDate().Match(text)).Success)
        {
            year = Number(match, "y");
            (day, month) = order == DateOrder.Dmy ? (Number(match, "a"), Number(match, "b")) : (Number(match, "b"), Number(match, "a"));

            // The configured order decides, unless only the other reading is a possible date: 12/25/1990 is
            // month first whatever the order says.
            if (month > 12 && day is >= 1 and <= 12)
            {
                (day, month) = (month, day);
            }

            return true;
        }

        if ((match = DayMonthNameDate().Match(text)).Success || (match = MonthNameDayDate().Match(text)).Success)
        {
            (year, day) = (Number(match, "y"), Number(match, "d"));
            return Months.TryGetValue(match.Groups["n"].Value, out month);
        }

        return false;
    }

    // The patterns allow only ASCII digits and at most four of them, so parsing cannot fail.
    private static int Number(Match match, string group) =>
        int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    // yyyy-MM-dd, optionally followed by an ISO 8601 time and offset (the date is taken as written).
    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?(?:[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex CompactDate();

    [GeneratedRegex(@"^(?<y>[0-9]{4})/(?<m>[0-9]{1,2})/(?<d>[0-9]{1,2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirstSlashDate();

    [GeneratedRegex(@"^(?<a>[0-9]{1,2})\.(?<b>[0-9]{1,2})\.(?<y>[0-9]{4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DottedDate();

    [GeneratedRegex(@"^(?<a>[0-9]{1,2})(?<s>[/-])(?<b>[0-9]{1,2})\k<s>(?<y>[0-9]{4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlashDate();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})(?:st|nd|rd|th)?[ -](?<n>[A-Za-z]{3,9})\.?,?[ -](?<y>[0-9]{4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DayMonthNameDate();

    [GeneratedRegex(@"^(?<n>[A-Za-z]{3,9})\.? (?<d>[0-9]{1,2})(?:st|nd|rd|th)?,? (?<y>[0-9]{4})\z", RegexOptions.CultureInvariant)]
    private static partial Regex MonthNameDayDate();
}
