using Cdm.Api.V1;
using Cdm.Bench.Generation;

namespace Cdm.Bench.Truth;

/// <summary>
/// The deterministic identifiers of a record, normalised as the resolver must: email lower-cased and
/// trimmed, phone as E.164 digits, external ids as <c>type:value</c>; junk values give no key.
/// </summary>
public static class IdentifierKeys
{
    private static readonly HashSet<string> JunkEmails = new(StringComparer.Ordinal) { "test@test.com", "null", "none", "n/a" };

    public static IEnumerable<string> Of(SourceRecord record, PhoneRegion region)
    {
        if (record.Attributes.TryGetValue("email", out var email) && Email(email) is { } emailKey)
        {
            yield return "email:" + emailKey;
        }

        if (record.Attributes.TryGetValue("phone", out var phone) && Phone(phone, region) is { } phoneKey)
        {
            yield return "phone:" + phoneKey;
        }

        foreach (var identifier in record.Identifiers)
        {
            var value = identifier.Value.Trim();
            if (value.Length > 0 && !string.Equals(value, "null", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{identifier.Type.Trim().ToLowerInvariant()}:{value}";
            }
        }
    }

    public static string? Email(string value)
    {
        var email = value.Trim().ToLowerInvariant();
        var at = email.IndexOf('@');
        return at <= 0 || at == email.Length - 1 || JunkEmails.Contains(email) ? null : email;
    }

    /// <summary>E.164 digits (country code first), or null for junk or what is not a phone number.</summary>
    public static string? Phone(string value, PhoneRegion region)
    {
        var text = value.Trim();
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (digits.Length < 7 || digits.All(d => d == digits[0]))
        {
            return null;
        }

        if (text.StartsWith('+'))
        {
            return digits;
        }

        if (region.TrunkPrefix.Length == 0)
        {
            // North America: ten digits, or eleven with the leading 1.
            return digits.Length switch
            {
                10 => region.CountryCode + digits,
                11 when digits.StartsWith(region.CountryCode, StringComparison.Ordinal) => digits,
                _ => null,
            };
        }

        return digits.StartsWith(region.TrunkPrefix, StringComparison.Ordinal)
            ? region.CountryCode + digits[region.TrunkPrefix.Length..]
            : region.CountryCode + digits;
    }
}
