namespace Cdm.Grains.Blocking;

/// <summary>
/// American Soundex: the first letter, then the digit codes of the following consonants, adjacent equal codes
/// merged (also across <c>h</c> and <c>w</c>), vowels dropped, padded or cut to four characters (<c>Robert</c> and
/// <c>Rupert</c> are <c>R163</c>). Reads folded names (<see cref="Normalisation.NameFolding"/>): letters other than
/// <c>a</c> to <c>z</c>, spaces and apostrophes are skipped. Returns empty when the name has no such letter.
/// </summary>
public static class Soundex
{
    // a b c d e f g h i j k l m n o p q r s t u v w x y z
    private const string Codes = "01230120022455012623010202";

    /// <summary>The four-character Soundex code of <paramref name="name"/>, or empty.</summary>
    public static string Encode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> code = stackalloc char[4];
        var length = 0;
        var previous = '\0';
        foreach (var raw in name)
        {
            var c = char.ToLowerInvariant(raw);
            if (c is < 'a' or > 'z')
            {
                continue;
            }

            var digit = Codes[c - 'a'];
            if (length == 0)
            {
                code[length++] = char.ToUpperInvariant(c);
                previous = digit;
                continue;
            }

            if (c is 'h' or 'w')
            {
                continue; // h and w do not separate equal codes
            }

            if (digit != '0' && digit != previous)
            {
                code[length++] = digit;
                if (length == code.Length)
                {
                    break;
                }
            }

            previous = digit; // a vowel resets, so equal codes either side of it both count
        }

        if (length == 0)
        {
            return string.Empty;
        }

        code[length..].Fill('0');
        return new string(code);
    }
}
