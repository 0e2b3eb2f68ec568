using System.Globalization;

namespace Cdm.Grains.Enrichment;

/// <summary>
/// The age band of a birth date on a given day: <c>0-17</c>, <c>18-24</c>, <c>25-34</c>, <c>35-44</c>, <c>45-54</c>,
/// <c>55-64</c>, <c>65+</c>. A birthday on 29 February counts as reached on 1 March in other years.
/// </summary>
public static class AgeBand
{
    /// <summary>Ages above this are taken as a mistake in the data, not a person.</summary>
    public const int MaxPlausibleAge = 130;

    /// <summary>
    /// The band of <paramref name="isoBirthDate"/> (<c>yyyy-MM-dd</c>, as <see cref="Normalisation.DateNormaliser"/>
    /// writes it) on today's UTC date by <paramref name="clock"/>; null when the date is missing, not a date, in the
    /// future or over <see cref="MaxPlausibleAge"/> years ago.
    /// </summary>
    public static string? For(string? isoBirthDate, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return For(isoBirthDate, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The band of <paramref name="isoBirthDate"/> on <paramref name="today"/>; null as for <see cref="For(string?, TimeProvider)"/>.</summary>
    public static string? For(string? isoBirthDate, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(isoBirthDate)
            || !DateOnly.TryParseExact(isoBirthDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return null;
        }

        var age = AgeOn(birth, today);
        return age is null ? null : BandOf(age.Value);
    }

    /// <summary>Whole years from <paramref name="birth"/> to <paramref name="today"/>; null when the birth is after today or the age is implausible.</summary>
    public static int? AgeOn(DateOnly birth, DateOnly today)
    {
        if (birth > today)
        {
            return null;
        }

        var age = today.Year - birth.Year;
        if (today.Month < birth.Month || today.Month == birth.Month && today.Day < birth.Day)
        {
            age--;
        }

        return age > MaxPlausibleAge ? null : age;
    }

    /// <summary>The band of a non-negative age in years.</summary>
    public static string BandOf(int age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(age);
        return age switch
        {
            < 18 => "0-17",
            < 25 => "18-24",
            < 35 => "25-34",
            < 45 => "35-44",
            < 55 => "45-54",
            < 65 => "55-64",
            _ => "65+",
        };
    }
}
