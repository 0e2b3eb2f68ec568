using System.Text.RegularExpressions;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// Email addresses: trimmed and lower-cased (Unicode NFC). A value that is not a plausible address
/// (<c>local@domain.tld</c>, no spaces, at most 64 characters before the <c>@</c> and 254 in all) is kept as
/// received and flagged, so it is never used as an identifier.
/// </summary>
public sealed partial class EmailNormaliser : IAttributeNormaliser
{
    /// <summary>The quality issue of a value that is not an email address.</summary>
    public const string InvalidIssue = "not a valid email address";

    private const int MaxLength = 254;

    /// <inheritdoc />
    public NormalisedValue Normalise(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return NormalisedValue.Dropped;
        }

        var address = UnicodeNormalForms.ToNfc(trimmed.ToLowerInvariant());
        return address.Length <= MaxLength && AddressPattern().IsMatch(address)
            ? NormalisedValue.Valid(address)
            : NormalisedValue.Flagged(value, InvalidIssue);
    }

    // Deliberately simpler than RFC 5322 (no quoted local parts, no IP literals): those are not what people
    // type into forms, and a wrong identifier costs more than a missed one. Letters beyond ASCII are allowed
    // for internationalised addresses; the domain needs a dot and a top-level label of letters (or punycode).
    [GeneratedRegex("""^(?=[^@]{1,64}@)[^\s\p{C}@"(),:;<>\[\]\\.]+(?:\.[^\s\p{C}@"(),:;<>\[\]\\.]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})\z""")]
    private static partial Regex AddressPattern();
}
