using System.Globalization;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// Person names (<c>first_name</c>, <c>middle_name</c>, <c>last_name</c>, <c>full_name</c>): trimmed, whitespace
/// collapsed, Unicode NFC. The case is kept as given, except that a name written all in upper or all in lower
/// case becomes title case (<c>JEAN-LUC O'NEIL</c> becomes <c>Jean-Luc O'Neil</c>): such a name says nothing
/// about its real case, and mixed case (<c>McDonald</c>, <c>van der Berg</c>) is kept because it does.
/// For comparison use <see cref="NameFolding.Fold"/>.
/// </summary>
public sealed class NameNormaliser : IAttributeNormaliser
{
    /// <inheritdoc />
    public NormalisedValue Normalise(string value)
    {
        var cleaned = TextNormaliser.Clean(value);
        if (cleaned.Length == 0)
        {
            return NormalisedValue.Dropped;
        }

        return NormalisedValue.Valid(IsSingleCase(cleaned) ? ToTitleCase(cleaned) : cleaned);
    }

    private static bool IsSingleCase(string name)
    {
        bool upper = false, lower = false;
        foreach (var c in name)
        {
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
        }

        return upper != lower;
    }

    /// <summary>Upper-cases each letter that starts a word (after a space, hyphen, apostrophe...), lower-cases the rest.</summary>
    private static string ToTitleCase(string name) =>
        string.Create(name.Length, name, static (span, source) =>
        {
            var startOfWord = true;
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (char.IsLetter(c))
                {
                    span[i] = startOfWord ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
                    startOfWord = false;
                }
                else
                {
                    span[i] = c;

                    // A combining mark belongs to the letter before it and does not start a word.
                    startOfWord = char.GetUnicodeCategory(c)
                        is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark);
                }
            }
        });
}
