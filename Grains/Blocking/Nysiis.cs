namespace Cdm.Grains.Blocking;

/// <summary>
/// NYSIIS (New York State Identification and Intelligence System) phonetic code, in its original form with the
/// key cut to six characters, except for two changes that join common spelling variants: a <c>y</c> inside the name
/// (not first or last) counts as a vowel, so <c>Smith</c> and <c>Smyth</c> both give <c>SNAT</c>; an <c>x</c> after
/// the first letter reads as <c>ks</c>, so <c>Jaxon</c> and <c>Jackson</c> both give <c>JACSAN</c>. Reads folded names (<see cref="Normalisation.NameFolding"/>): only the letters
/// <c>a</c> to <c>z</c> are read, so <c>O'Neil</c> and <c>van der Berg</c> are read as one word. Returns empty when
/// the name has no such letter.
/// </summary>
public static class Nysiis
{
    /// <summary>The length the code is cut to.</summary>
    public const int MaxLength = 6;

    /// <summary>The NYSIIS code of <paramref name="name"/> in upper case, or empty.</summary>
    public static string Encode(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> buffer = name.Length <= 64 ? stackalloc char[name.Length] : new char[name.Length];
        var n = 0;
        foreach (var raw in name)
        {
            var c = char.ToUpperInvariant(raw);
            if (c is >= 'A' and <= 'Z')
            {
                buffer[n++] = c;
            }
        }

        if (n == 0)
        {
            return string.Empty;
        }

        var w = buffer[..n];
        TranscodeStart(w);
        n = TranscodeEnd(w, n);
        w = w[..n];

        Span<char> key = n <= 64 ? stackalloc char[2 * n] : new char[2 * n];
        var k = 0;
        key[k++] = w[0];
        for (var i = 1; i < n; i++)
        {
            var c = w[i];
            var next = i + 1 < n ? w[i + 1] : '\0';
            if (c == 'E' && next == 'V')
            {
                w[i] = 'A';
                w[i + 1] = 'F';
            }
            else if (c == 'X')
            {
                if (key[k - 1] != 'C')
                {
                    key[k++] = 'C';
                }

                w[i] = 'S';
            }
            else if (IsVowel(c) || (c == 'Y' && i < n - 1))
            {
                w[i] = 'A';
            }
            else if (c == 'Q')
            {
                w[i] = 'G';
            }
            else if (c == 'Z')
            {
                w[i] = 'S';
            }
            else if (c == 'M')
            {
                w[i] = 'N';
            }
            else if (c == 'K')
            {
                w[i] = next == 'N' ? 'N' : 'C';
            }
            else if (c == 'S' && next == 'C' && i + 2 < n && w[i + 2] == 'H')
            {
                w[i] = w[i + 1] = w[i + 2] = 'S';
            }
            else if (c == 'P' && next == 'H')
            {
                w[i] = w[i + 1] = 'F';
            }
            else if (c == 'H' && (!IsVowel(w[i - 1]) || (next != '\0' && !IsVowel(next))))
            {
                w[i] = w[i - 1];
            }
            else if (c == 'W' && IsVowel(w[i - 1]))
            {
                w[i] = w[i - 1];
            }

            if (w[i] != key[k - 1])
            {
                key[k++] = w[i];
            }
        }

        if (k > 1 && key[k - 1] == 'S')
        {
            k--;
        }

        if (k > 2 && key[k - 2] == 'A' && key[k - 1] == 'Y')
        {
            key[k - 2] = 'Y';
            k--;
        }

        if (k > 1 && key[k - 1] == 'A')
        {
            k--;
        }

        return new string(key[..Math.Min(k, MaxLength)]);
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';

    private static void TranscodeStart(Span<char> w)
    {
        if (w.StartsWith("MAC"))
        {
            w[1] = 'C';
        }
        else if (w.StartsWith("KN"))
        {
            w[0] = 'N';
        }
        else if (w[0] == 'K')
        {
            w[0] = 'C';
        }
        else if (w.StartsWith("PH") || w.StartsWith("PF"))
        {
            w[0] = w[1] = 'F';
        }
        else if (w.StartsWith("SCH"))
        {
            w[1] = w[2] = 'S';
        }
    }

    /// <summary>Returns the new length: <c>EE</c>, <c>IE</c> end to <c>Y</c>; <c>DT</c>, <c>RT</c>, <c>RD</c>, <c>NT</c>, <c>ND</c> to <c>D</c>.</summary>
    private static int TranscodeEnd(Span<char> w, int n)
    {
        if (n < 3)
        {
            return n;
        }

        var tail = w[(n - 2)..n];
        if (tail is "EE" or "IE")
        {
            w[n - 2] = 'Y';
            return n - 1;
        }

        if (tail is "DT" or "RT" or "RD" or "NT" or "ND")
        {
            w[n - 2] = 'D';
            return n - 1;
        }

        return n;
    }
}
