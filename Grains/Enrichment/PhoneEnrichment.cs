using PhoneNumbers;

namespace Cdm.Grains.Enrichment;

/// <summary>What libphonenumber says about a valid number: the ISO 3166 region and the kind of line.</summary>
/// <param name="Country">The region code, such as <c>GB</c>; null for non-geographic numbers (country code <c>+800</c>, <c>+882</c> and the like).</param>
/// <param name="LineType">The line type in snake case: <c>mobile</c>, <c>fixed_line</c>, <c>fixed_line_or_mobile</c>, <c>toll_free</c>, <c>premium_rate</c>, <c>shared_cost</c>, <c>voip</c>, <c>personal_number</c>, <c>pager</c>, <c>uan</c>, <c>voicemail</c>; null when unknown.</param>
public sealed record PhoneFacts(string? Country, string? LineType);

/// <summary>
/// Derives the country and line type of a phone number already normalised to E.164 (as
/// <see cref="Normalisation.PhoneNormaliser"/> produces). Stateless and thread-safe.
/// </summary>
public static class PhoneEnrichment
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    // libphonenumber's code for numbers that belong to no region.
    private const string NonGeographicRegion = "001";

    /// <summary>The facts about <paramref name="e164"/>; null when it is not a valid E.164 number.</summary>
    public static PhoneFacts? Describe(string? e164)
    {
        if (string.IsNullOrEmpty(e164) || e164[0] != '+' || e164.Length > 16 || e164.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        PhoneNumber number;
        try
        {
            number = Util.Parse(e164, null);
        }
        catch (NumberParseException)
        {
            return null;
        }

        if (!Util.IsValidNumber(number))
        {
            return null;
        }

        var region = Util.GetRegionCodeForNumber(number);
        var country = region is null or NonGeographicRegion or "ZZ" ? null : region;
        return new PhoneFacts(country, LineTypeName(Util.GetNumberType(number)));
    }

    /// <summary>The snake-case name of a libphonenumber line type; null for <c>UNKNOWN</c>.</summary>
    public static string? LineTypeName(PhoneNumberType type) => type switch
    {
        PhoneNumberType.MOBILE => "mobile",
        PhoneNumberType.FIXED_LINE => "fixed_line",
        PhoneNumberType.FIXED_LINE_OR_MOBILE => "fixed_line_or_mobile",
        PhoneNumberType.TOLL_FREE => "toll_free",
        PhoneNumberType.PREMIUM_RATE => "premium_rate",
        PhoneNumberType.SHARED_COST => "shared_cost",
        PhoneNumberType.VOIP => "voip",
        PhoneNumberType.PERSONAL_NUMBER => "personal_number",
        PhoneNumberType.PAGER => "pager",
        PhoneNumberType.UAN => "uan",
        PhoneNumberType.VOICEMAIL => "voicemail",
        _ => null,
    };
}
