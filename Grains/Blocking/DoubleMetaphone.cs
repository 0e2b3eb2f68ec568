namespace Cdm.Grains.Blocking;

/// <summary>The two Double Metaphone codes of a name; <see cref="Alternate"/> equals <see cref="Primary"/> when the
/// name has no second reading.</summary>
public readonly record struct DoubleMetaphoneCode(string Primary, string Alternate);

/// <summary>
/// Lawrence Philips' Double Metaphone (C/C++ Users Journal, June 2000): a primary and an alternate code of at most
/// four characters, <c>0</c> standing for <c>th</c> and <c>X</c> for <c>sh</c> (<c>Smith</c> is <c>SM0</c> or
/// <c>XMT</c>, <c>Schmidt</c> is <c>XMT</c> or <c>SMT</c>). Reads folded names (<see cref="Normalisation.NameFolding"/>):
/// the letters <c>a</c> to <c>z</c> are read, spaces and hyphens separate words (so <c>san jose</c> and <c>van der
/// berg</c> keep the rules that look at a first word), anything else is skipped. Returns empty codes when the name
/// has no letter.
/// </summary>
public static class DoubleMetaphone
{
    /// <summary>The length the codes are cut to.</summary>
    public const int MaxLength = 4;

    /// <summary>The primary and alternate codes of <paramref name="name"/>, in upper case, or empty.</summary>
    public static DoubleMetaphoneCode Encode(string name)
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
            else if (c is ' ' or '-' && n > 0 && buffer[n - 1] != ' ')
            {
                buffer[n++] = ' ';
            }
        }

        while (n > 0 && buffer[n - 1] == ' ')
        {
            n--;
        }

        if (n == 0)
        {
            return new DoubleMetaphoneCode(string.Empty, string.Empty);
        }

        Span<char> primary = stackalloc char[MaxLength];
        Span<char> alternate = stackalloc char[MaxLength];
        var encoder = new Encoder(buffer[..n], primary, alternate);
        encoder.Run();
        var first = new string(primary[..encoder.PrimaryLength]);
        var second = alternate[..encoder.AlternateLength];
        return new DoubleMetaphoneCode(first, second.SequenceEqual(first) ? first : new string(second));
    }

    private ref struct Encoder(ReadOnlySpan<char> word, Span<char> primary, Span<char> alternate)
    {
        private readonly ReadOnlySpan<char> word = word;
        private readonly Span<char> primary = primary;
        private readonly Span<char> alternate = alternate;
        private readonly int last = word.Length - 1;
        private bool slavoGermanic;

        public int PrimaryLength { get; private set; }

        public int AlternateLength { get; private set; }

        public void Run()
        {
            slavoGermanic = word.Contains('W') || word.Contains('K') || word.IndexOf("CZ") >= 0 || word.IndexOf("WITZ") >= 0;
            var current = 0;
            if (At(0, "GN") || At(0, "KN") || At(0, "PN") || At(0, "WR") || At(0, "PS"))
            {
                current = 1;
            }

            if (word[0] == 'X')
            {
                Add("S"); // Xavier
                current = 1;
            }

            while ((PrimaryLength < MaxLength || AlternateLength < MaxLength) && current <= last)
            {
                current = Step(current);
            }
        }

        private int Step(int current)
        {
            var c = word[current];
            var next = CharAt(current + 1);
            switch (c)
            {
                case 'A' or 'E' or 'I' or 'O' or 'U' or 'Y':
                    if (current == 0)
                    {
                        Add("A"); // a vowel counts only first
                    }

                    return current + 1;
                case 'B':
                    Add("P");
                    return next == 'B' ? current + 2 : current + 1;
                case 'C':
                    return C(current, next);
                case 'D':
                    if (At(current, "DG"))
                    {
                        if (AtAny(current + 2, "I", "E", "Y"))
                        {
                            Add("J"); // edge
                            return current + 3;
                        }

                        Add("TK"); // edgar
                        return current + 2;
                    }

                    Add("T");
                    return AtAny(current, "DT", "DD") ? current + 2 : current + 1;
                case 'F':
                    Add("F");
                    return next == 'F' ? current + 2 : current + 1;
                case 'G':
                    return G(current, next);
                case 'H':
                    if ((current == 0 || IsVowel(current - 1)) && IsVowel(current + 1))
                    {
                        Add("H"); // only between vowels or first before a vowel
                        return current + 2;
                    }

                    return current + 1;
                case 'J':
                    return J(current, next);
                case 'K':
                    Add("K");
                    return next == 'K' ? current + 2 : current + 1;
                case 'L':
                    if (next == 'L')
                    {
                        // Spanish -illo, -illa, -alle: cabrillo, gallegos
                        if ((current == word.Length - 3 && AtAny(current - 1, "ILLO", "ILLA", "ALLE"))
                            || ((AtAny(last - 1, "AS", "OS") || AtAny(last, "A", "O")) && At(current - 1, "ALLE")))
                        {
                            Add("L", string.Empty);
                            return current + 2;
                        }

                        Add("L");
                        return current + 2;
                    }

                    Add("L");
                    return current + 1;
                case 'M':
                    Add("M");
                    return (At(current - 1, "UMB") && (current + 1 == last || At(current + 2, "ER"))) || next == 'M'
                        ? current + 2 // dumb, thumb
                        : current + 1;
                case 'N':
                    Add("N");
                    return next == 'N' ? current + 2 : current + 1;
                case 'P':
                    if (next == 'H')
                    {
                        Add("F");
                        return current + 2;
                    }

                    Add("P");
                    return AtAny(current + 1, "P", "B") ? current + 2 : current + 1; // campbell, raspberry
                case 'Q':
                    Add("K");
                    return next == 'Q' ? current + 2 : current + 1;
                case 'R':
                    // French final -ier: rogier
                    if (current == last && !slavoGermanic && At(current - 2, "IE") && !AtAny(current - 4, "ME", "MA"))
                    {
                        Add(string.Empty, "R");
                    }
                    else
                    {
                        Add("R");
                    }

                    return next == 'R' ? current + 2 : current + 1;
                case 'S':
                    return S(current, next);
                case 'T':
                    return T(current, next);
                case 'V':
                    Add("F");
                    return next == 'V' ? current + 2 : current + 1;
                case 'W':
                    return W(current);
                case 'X':
                    // French final -eau, -iaux, -oux: breaux
                    if (!(current == last && (AtAny(current - 3, "IAU", "EAU") || AtAny(current - 2, "AU", "OU"))))
                    {
                        Add("KS");
                    }

                    return AtAny(current + 1, "C", "X") ? current + 2 : current + 1;
                case 'Z':
                    if (next == 'H')
                    {
                        Add("J"); // Chinese pinyin: zhao
                        return current + 2;
                    }

                    if (AtAny(current + 1, "ZO", "ZI", "ZA") || (slavoGermanic && current > 0 && CharAt(current - 1) != 'T'))
                    {
                        Add("S", "TS");
                    }
                    else
                    {
                        Add("S");
                    }

                    return next == 'Z' ? current + 2 : current + 1;
                default:
                    return current + 1;
            }
        }

        private int C(int current, char next)
        {
            // Germanic ch after a non-vowel: bacher, macher, but not bach-i
            if (current > 1 && !IsVowel(current - 2) && At(current - 1, "ACH") && CharAt(current + 2) != 'I'
                && (CharAt(current + 2) != 'E' || AtAny(current - 2, "BACHER", "MACHER")))
            {
                Add("K");
                return current + 2;
            }

            if (current == 0 && At(current, "CAESAR"))
            {
                Add("S");
                return current + 2;
            }

            if (At(current, "CHIA"))
            {
                Add("K"); // chianti
                return current + 2;
            }

            if (At(current, "CH"))
            {
                if (current > 0 && At(current, "CHAE"))
                {
                    Add("K", "X"); // michael
                    return current + 2;
                }

                // Greek roots at the start: chemistry, chorus, but not chore
                if (current == 0 && (AtAny(current + 1, "HARAC", "HARIS") || AtAny(current + 1, "HOR", "HYM", "HIA", "HEM"))
                    && !At(0, "CHORE"))
                {
                    Add("K");
                    return current + 2;
                }

                if (AtAny(0, "VAN ", "VON ") || At(0, "SCH")
                    || AtAny(current - 2, "ORCHES", "ARCHIT", "ORCHID")
                    || AtAny(current + 2, "T", "S")
                    || ((AtAny(current - 1, "A", "O", "U", "E") || current == 0)
                        && AtAny(current + 2, "L", "R", "N", "M", "B", "H", "F", "V", "W", " ")))
                {
                    Add("K");
                }
                else if (current > 0)
                {
                    if (At(0, "MC"))
                    {
                        Add("K"); // mchugh
                    }
                    else
                    {
                        Add("X", "K");
                    }
                }
                else
                {
                    Add("X");
                }

                return current + 2;
            }

            if (At(current, "CZ") && !At(current - 2, "WICZ"))
            {
                Add("S", "X"); // czerny
                return current + 2;
            }

            if (At(current + 1, "CIA"))
            {
                Add("X"); // focaccia
                return current + 3;
            }

            if (At(current, "CC") && !(current == 1 && word[0] == 'M'))
            {
                // bellocchio but not bacchus
                if (AtAny(current + 2, "I", "E", "H") && !At(current + 2, "HU"))
                {
                    if ((current == 1 && word[0] == 'A') || AtAny(current - 1, "UCCEE", "UCCES"))
                    {
                        Add("KS"); // accident, accede, succeed
                    }
                    else
                    {
                        Add("X"); // bacci, bertucci
                    }

                    return current + 3;
                }

                Add("K"); // pierce's rule
                return current + 2;
            }

            if (AtAny(current, "CK", "CG", "CQ"))
            {
                Add("K");
                return current + 2;
            }

            if (AtAny(current, "CI", "CE", "CY"))
            {
                if (AtAny(current, "CIO", "CIE", "CIA"))
                {
                    Add("S", "X"); // Italian
                }
                else
                {
                    Add("S");
                }

                return current + 2;
            }

            Add("K");
            if (AtAny(current + 1, " C", " Q", " G"))
            {
                return current + 3; // mac caffrey, mac gregor
            }

            return AtAny(current + 1, "C", "K", "Q") && !AtAny(current + 1, "CE", "CI") ? current + 2 : current + 1;
        }

        private int G(int current, char next)
        {
            if (next == 'H')
            {
                if (current > 0 && !IsVowel(current - 1))
                {
                    Add("K");
                    return current + 2;
                }

                if (current == 0)
                {
                    Add(CharAt(current + 2) == 'I' ? "J" : "K"); // ghislane, ghiradelli; ghost
                    return current + 2;
                }

                // Parker's rule: hugh, bough, broughton are silent
                if ((current > 1 && AtAny(current - 2, "B", "H", "D"))
                    || (current > 2 && AtAny(current - 3, "B", "H", "D"))
                    || (current > 3 && AtAny(current - 4, "B", "H")))
                {
                    return current + 2;
                }

                if (current > 2 && CharAt(current - 1) == 'U' && AtAny(current - 3, "C", "G", "L", "R", "T"))
                {
                    Add("F"); // laugh, cough, gough, rough, tough
                }
                else if (current > 0 && CharAt(current - 1) != 'I')
                {
                    Add("K");
                }

                return current + 2;
            }

            if (next == 'N')
            {
                if (current == 1 && IsVowel(0) && !slavoGermanic)
                {
                    Add("KN", "N");
                }
                else if (!At(current + 2, "EY") && !slavoGermanic)
                {
                    Add("N", "KN"); // not cagney
                }
                else
                {
                    Add("KN");
                }

                return current + 2;
            }

            if (At(current + 1, "LI") && !slavoGermanic)
            {
                Add("KL", "L"); // tagliaro
                return current + 2;
            }

            // -ges-, -gep-, -gel-, -gie- at the start
            if (current == 0
                && (next == 'Y' || AtAny(current + 1, "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER")))
            {
                Add("K", "J");
                return current + 2;
            }

            // -ger-, -gy-
            if ((At(current + 1, "ER") || next == 'Y')
                && !AtAny(0, "DANGER", "RANGER", "MANGER")
                && !AtAny(current - 1, "E", "I")
                && !AtAny(current - 1, "RGY", "OGY"))
            {
                Add("K", "J");
                return current + 2;
            }

            // Italian: biaggi
            if (AtAny(current + 1, "E", "I", "Y") || AtAny(current - 1, "AGGI", "OGGI"))
            {
                if (AtAny(0, "VAN ", "VON ") || At(0, "SCH") || At(current + 1, "ET"))
                {
                    Add("K"); // obvious Germanic
                }
                else if (At(current + 1, "IER "))
                {
                    Add("J");
                }
                else
                {
                    Add("J", "K");
                }

                return current + 2;
            }

            Add("K");
            return next == 'G' ? current + 2 : current + 1;
        }

        private int J(int current, char next)
        {
            // Spanish: jose, san jacinto
            if (At(current, "JOSE") || At(0, "SAN "))
            {
                if ((current == 0 && CharAt(current + 4) == ' ') || At(0, "SAN "))
                {
                    Add("H");
                }
                else
                {
                    Add("J", "H");
                }

                return current + 1;
            }

            if (current == 0 && !At(current, "JOSE"))
            {
                Add("J", "A"); // yankelovich, jankelowicz
            }
            else if (IsVowel(current - 1) && !slavoGermanic && next is 'A' or 'O')
            {
                Add("J", "H"); // bajador
            }
            else if (current == last)
            {
                Add("J", string.Empty);
            }
            else if (!AtAny(current + 1, "L", "T", "K", "S", "N", "M", "B", "Z") && !AtAny(current - 1, "S", "K", "L"))
            {
                Add("J");
            }

            return next == 'J' ? current + 2 : current + 1;
        }

        private int S(int current, char next)
        {
            if (AtAny(current - 1, "ISL", "YSL"))
            {
                return current + 1; // island, carlysle
            }

            if (current == 0 && At(current, "SUGAR"))
            {
                Add("X", "S");
                return current + 1;
            }

            if (At(current, "SH"))
            {
                Add(AtAny(current + 1, "HEIM", "HOEK", "HOLM", "HOLZ") ? "S" : "X"); // Germanic
                return current + 2;
            }

            // Italian and Armenian
            if (AtAny(current, "SIO", "SIA") || At(current, "SIAN"))
            {
                if (slavoGermanic)
                {
                    Add("S");
                }
                else
                {
                    Add("S", "X");
                }

                return current + 3;
            }

            // German and Anglicised: smith matches schmidt, snider matches schneider
            if ((current == 0 && AtAny(current + 1, "M", "N", "L", "W")) || At(current + 1, "Z"))
            {
                Add("S", "X");
                return At(current + 1, "Z") ? current + 2 : current + 1;
            }

            if (At(current, "SC"))
            {
                if (CharAt(current + 2) == 'H')
                {
                    // Dutch origin: school, schooner
                    if (AtAny(current + 3, "OO", "ER", "EN", "UY", "ED", "EM"))
                    {
                        if (AtAny(current + 3, "ER", "EN"))
                        {
                            Add("X", "SK"); // schermerhorn, schenker
                        }
                        else
                        {
                            Add("SK");
                        }

                        return current + 3;
                    }

                    if (current == 0 && !IsVowel(3) && CharAt(3) != 'W')
                    {
                        Add("X", "S");
                    }
                    else
                    {
                        Add("X");
                    }

                    return current + 3;
                }

                Add(AtAny(current + 2, "I", "E", "Y") ? "S" : "SK");
                return current + 3;
            }

            // French final -ais, -ois
            if (current == last && AtAny(current - 2, "AI", "OI"))
            {
                Add(string.Empty, "S");
            }
            else
            {
                Add("S");
            }

            return AtAny(current + 1, "S", "Z") ? current + 2 : current + 1;
        }

        private int T(int current, char next)
        {
            if (At(current, "TION") || AtAny(current, "TIA", "TCH"))
            {
                Add("X");
                return current + 3;
            }

            if (At(current, "TH") || At(current, "TTH"))
            {
                // thomas, thames, or Germanic
                if (AtAny(current + 2, "OM", "AM") || AtAny(0, "VAN ", "VON ") || At(0, "SCH"))
                {
                    Add("T");
                }
                else
                {
                    Add("0", "T");
                }

                return current + 2;
            }

            Add("T");
            return next is 'T' or 'D' ? current + 2 : current + 1;
        }

        private int W(int current)
        {
            if (At(current, "WR"))
            {
                Add("R");
                return current + 2;
            }

            if (current == 0 && (IsVowel(current + 1) || At(current, "WH")))
            {
                // Wasserman may be Vasserman
                if (IsVowel(current + 1))
                {
                    Add("A", "F");
                }
                else
                {
                    Add("A");
                }
            }

            // Arnow may be Arnoff; Polish -ewski, -owski
            if ((current == last && IsVowel(current - 1))
                || AtAny(current - 1, "EWSKI", "EWSKY", "OWSKI", "OWSKY")
                || At(0, "SCH"))
            {
                Add(string.Empty, "F");
                return current + 1;
            }

            if (AtAny(current, "WICZ", "WITZ"))
            {
                Add("TS", "FX"); // Polish filipowicz
                return current + 4;
            }

            return current + 1;
        }

        private readonly char CharAt(int index) =>
            index < 0 ? '\0' : index < word.Length ? word[index] : ' '; // past the end reads as a space

        private readonly bool IsVowel(int index) => CharAt(index) is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

        private readonly bool At(int start, string text)
        {
            if (start < 0)
            {
                return false;
            }

            for (var i = 0; i < text.Length; i++)
            {
                if (CharAt(start + i) != text[i])
                {
                    return false;
                }
            }

            return true;
        }

        private readonly bool AtAny(int start, string a, string b) => At(start, a) || At(start, b);

        private readonly bool AtAny(int start, params ReadOnlySpan<string> texts)
        {
            foreach (var text in texts)
            {
                if (At(start, text))
                {
                    return true;
                }
            }

            return false;
        }

        private void Add(string both) => Add(both, both);

        private void Add(string main, string alt)
        {
            foreach (var c in main)
            {
                if (PrimaryLength < MaxLength)
                {
                    primary[PrimaryLength++] = c;
                }
            }

            foreach (var c in alt)
            {
                if (AlternateLength < MaxLength)
                {
                    alternate[AlternateLength++] = c;
                }
            }
        }
    }
}
