namespace Cdm.Grains.Normalisation;

/// <summary>
/// Countries: a two-letter code is trimmed and upper-cased (<c> gb</c> becomes <c>GB</c>); any other value is only
/// trimmed and whitespace-collapsed, since names and three-letter codes are not mapped here.
/// </summary>
public sealed class CountryNormaliser : IAttributeNormaliser
{
    /// <inheritdoc />
    public NormalisedValue Normalise(string value)
    {
        var cleaned = TextNormaliser.Clean(value);
        if (cleaned.Length == 0)
        {
            return NormalisedValue.Dropped;
        }

        return cleaned.Length == 2 && char.IsAsciiLetter(cleaned[0]) && char.IsAsciiLetter(cleaned[1])
            ? NormalisedValue.Valid(cleaned.ToUpperInvariant())
            : NormalisedValue.Valid(cleaned);
    }
}
