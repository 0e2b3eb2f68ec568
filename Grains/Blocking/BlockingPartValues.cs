using System.Globalization;
using Cdm.Grains.Normalisation;

namespace Cdm.Grains.Blocking;

/// <summary>Derives the value of a <see cref="BlockingPart"/> from a normalised attribute value.</summary>
public static class BlockingPartValues
{
    /// <summary>
    /// The value of <paramref name="part"/> for the normalised attribute <paramref name="value"/>; null when it
    /// yields nothing (a name of punctuation only, a date not in ISO form, an address without a number). Values
    /// never contain <c>:</c>, so they can be joined into a key.
    /// </summary>
    public static string? Derive(BlockingPart part, string value)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(value);
        var result = part.Code switch
        {
            "sn" or "fn" => Nysiis.Encode(NameFolding.Fold(value)),
            "sx" or "fx" => Soundex.Encode(NameFolding.Fold(value)),
            "sm" or "fm" => DoubleMetaphone.Encode(NameFolding.Fold(value)).Primary,
            "s" or "f" => NameFolding.Fold(value).Replace(" ", string.Empty, StringComparison.Ordinal),
            "si" or "fi" => Initial(NameFolding.Fold(value)),
            "by" => IsoDate(value) is { } date ? date.Year.ToString("D4", CultureInfo.InvariantCulture) : null,
            "bd" => IsoDate(value) is { } date ? date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : null,
            "pc" or "nid" => LettersAndDigits(value),
            "em" => EmailLocalPart(value),
            "st" => FirstNumber(value),
            _ => throw new ArgumentException($"Unknown blocking part '{part.Name}'.", nameof(part)),
        };
        return string.IsNullOrEmpty(result) ? null : result;
    }

    private static string? Initial(string folded) => folded.Length == 0 ? null : folded[..1];

    private static DateOnly? IsoDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string LettersAndDigits(string value) =>
        string.Create(CountLettersAndDigits(value), value, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsLetterOrDigit(c))
                {
                    span[i++] = char.ToUpperInvariant(c);
                }
            }
        });

    private static int CountLettersAndDigits(string value)
    {
        var count = 0;
        foreach (var c in value)
        {
            count += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return count;
    }

    private static string? EmailLocalPart(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }

        var local = value.AsSpan(0, at);
        var plus = local.IndexOf('+');
        if (plus > 0)
        {
            local = local[..plus];
        }

        return NameFolding.Fold(local.ToString()).Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    private static string? FirstNumber(string value)
    {
        var span = value.AsSpan();
        var start = span.IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            return null;
        }

        var rest = span[start..];
        var end = rest.IndexOfAnyExceptInRange('0', '9');
        return (end < 0 ? rest : rest[..end]).TrimStart('0').ToString() is { Length: > 0 } number ? number : "0";
    }
}
