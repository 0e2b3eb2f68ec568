namespace Cdm.Grains.Normalisation;

/// <summary>
/// The default for attributes without a rule of their own: trims, collapses every run of whitespace to one
/// space and composes to Unicode NFC, so the same text typed or exported differently compares equal.
/// </summary>
public sealed class TextNormaliser : IAttributeNormaliser
{
    /// <inheritdoc />
    public NormalisedValue Normalise(string value)
    {
        var cleaned = Clean(value);
        return cleaned.Length == 0 ? NormalisedValue.Dropped : NormalisedValue.Valid(cleaned);
    }

    /// <summary>Trims, collapses whitespace runs to one space and composes to NFC.</summary>
    public static string Clean(string value) => UnicodeNormalForms.ToNfc(CollapseWhitespace(value));

    /// <summary>Trims and collapses every run of whitespace (tabs and line breaks too) to one space.</summary>
    public static string CollapseWhitespace(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!NeedsCollapsing(value))
        {
            return value;
        }

        // A value is at most a few KB (RecordLimits), so the stack holds it in the common case.
        Span<char> buffer = value.Length <= 512 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                buffer[length++] = ' ';
                pendingSpace = false;
            }

            buffer[length++] = c;
        }

        return new string(buffer[..length]);
    }

    private static bool NeedsCollapsing(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsWhiteSpace(c) && (c != ' ' || i == 0 || i == value.Length - 1 || value[i - 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }
}
