using PhoneNumbers;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// Phone numbers, to E.164 (<c>+14155552671</c>) with libphonenumber. A number without a country code is read in
/// the default region; a leading <c>+</c> or <c>00</c> gives the country code instead. A value that does not
/// parse, or is not a valid number for its region, is kept as received and flagged, so it never links.
/// </summary>
public sealed class PhoneNormaliser : IAttributeNormaliser
{
    /// <summary>The quality issue of a value that is not a valid phone number.</summary>
    public const string InvalidIssue = "not a valid phone number";

    // Building the metadata takes a noticeable moment; the instance is immutable and thread-safe afterwards.
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // Longer input is no phone number; parsing it would only cost time.
    private const int MaxInputLength = 64;

    private readonly string defaultRegion;

    /// <summary>Creates a normaliser reading national numbers in <paramref name="defaultRegion"/> (ISO 3166 alpha-2, e.g. <c>US</c>).</summary>
    /// <exception cref="ArgumentException">The region is not one libphonenumber knows.</exception>
    public PhoneNormaliser(string defaultRegion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRegion);
        var region = defaultRegion.Trim().ToUpperInvariant();
        if (!Util.GetSupportedRegions().Contains(region))
        {
            throw new ArgumentException($"'{defaultRegion}' is not a supported phone region (an ISO 3166 alpha-2 code such as US or GB).", nameof(defaultRegion));
        }

        this.defaultRegion = region;
    }

    /// <inheritdoc />
    public NormalisedValue Normalise(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return NormalisedValue.Dropped;
        }

        // Text without enough digits cannot be a number; checking first avoids an exception per bad value.
        if (trimmed.Length > MaxInputLength || CountDigits(trimmed) < 3)
        {
            return NormalisedValue.Flagged(value, InvalidIssue);
        }

        // "00" is the international prefix of most of the world, but libphonenumber only honours the default
        // region's own prefix (011 in the US), so it is turned into "+" here.
        var text = trimmed.StartsWith("00", StringComparison.Ordinal) ? string.Concat("+", trimmed.AsSpan(2)) : trimmed;
        try
        {
            var number = Util.Parse(text, defaultRegion);
            return Util.IsValidNumber(number)
                ? NormalisedValue.Valid(Util.Format(number, PhoneNumberFormat.E164))
                : NormalisedValue.Flagged(value, InvalidIssue);
        }
        catch (NumberParseException)
        {
            return NormalisedValue.Flagged(value, InvalidIssue);
        }
    }

    private static int CountDigits(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        return digits;
    }
}
