namespace Cdm.Grains.Normalisation;

/// <summary>
/// Postcodes: trimmed, upper-cased, spaces collapsed (<c> sw1a  1aa</c> becomes <c>SW1A 1AA</c>). A value with
/// characters other than letters, digits, spaces and <c>-</c> is kept as received and flagged.
/// </summary>
public sealed class PostcodeNormaliser : IAttributeNormaliser
{
    /// <summary>The quality issue of a value with characters no postcode has.</summary>
    public const string InvalidIssue = "postcode has characters other than letters, digits, spaces and '-'";

    /// <inheritdoc />
    public NormalisedValue Normalise(string value)
    {
        var cleaned = TextNormaliser.Clean(value);
        if (cleaned.Length == 0)
        {
            return NormalisedValue.Dropped;
        }

        foreach (var c in cleaned)
        {
            if (!char.IsLetterOrDigit(c) && c is not (' ' or '-'))
            {
                return NormalisedValue.Flagged(value, InvalidIssue);
            }
        }

        return NormalisedValue.Valid(cleaned.ToUpperInvariant());
    }
}
