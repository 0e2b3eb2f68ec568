using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// Unicode canonical normal forms (NFC and NFD) from data shipped with the code.
/// </summary>
/// <remarks>
/// The solution runs with invariant globalization, where <see cref="string.Normalize()"/> leaves non-ASCII
/// text unchanged; and content hashes must not depend on the ICU version of the machine. So the canonical
/// decompositions and combining classes live in <c>UnicodeCanonicalData.txt</c> (taken from ICU 72,
/// Unicode 15.0; canonical forms are stable across Unicode versions for assigned characters), and the
/// algorithm of UAX #15 runs here.
/// </remarks>
internal static class UnicodeNormalForms
{
    private const int HangulSBase = 0xAC00, HangulLBase = 0x1100, HangulVBase = 0x1161, HangulTBase = 0x11A7;
    private const int HangulLCount = 19, HangulVCount = 21, HangulTCount = 28;
    private const int HangulNCount = HangulVCount * HangulTCount, HangulSCount = HangulLCount * HangulNCount;

    // Below U+0300 there are no combining marks, no decomposable characters that NFC changes and no pair
    // that composes, so such text is already in NFC; almost every value takes this path.
    private const char FirstNonTrivial = '\u0300';

    private static readonly Data Tables = Data.Load();

    /// <summary>Returns <paramref name="value"/> in Normalization Form C (canonical composition).</summary>
    public static string ToNfc(string value)
    {
        if (IsTrivial(value))
        {
            return value;
        }

        var buffer = ArrayPool<int>.Shared.Rent(value.Length * 4);
        try
        {
            var length = Decompose(value, buffer);
            length = Compose(buffer.AsSpan(0, length));
            return Build(value, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    /// <summary>Returns <paramref name="value"/> in Normalization Form D (canonical decomposition).</summary>
    public static string ToNfd(string value)
    {
        // Latin-1 letters from U+00C0 already decompose.
        if (value.AsSpan().IndexOfAnyInRange('\u00C0', char.MaxValue) < 0)
        {
            return value;
        }

        var buffer = ArrayPool<int>.Shared.Rent(value.Length * 4);
        try
        {
            var length = Decompose(value, buffer);
            return Build(value, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    private static bool IsTrivial(string value) => value.AsSpan().IndexOfAnyInRange(FirstNonTrivial, char.MaxValue) < 0;

    /// <summary>Full canonical decomposition followed by canonical ordering; returns the code point count.</summary>
    private static int Decompose(string value, int[] output)
    {
        // The longest canonical decomposition of one code point is 4 code points, hence the 4x buffer.
        var count = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            var cp = rune.Value;
            if (cp is >= HangulSBase and < HangulSBase + HangulSCount)
            {
                var index = cp - HangulSBase;
                output[count++] = HangulLBase + index / HangulNCount;
                output[count++] = HangulVBase + index % HangulNCount / HangulTCount;
                if (index % HangulTCount != 0)
                {
                    output[count++] = HangulTBase + index % HangulTCount;
                }
            }
            else if (cp >= 0xC0 && Tables.Decompositions.TryGetValue(cp, out var parts))
            {
                parts.CopyTo(output, count);
                count += parts.Length;
            }
            else
            {
                output[count++] = cp;
            }
        }

        SortMarks(output.AsSpan(0, count));
        return count;
    }

    /// <summary>Canonical ordering: a stable sort of every run of combining marks by combining class.</summary>
    private static void SortMarks(Span<int> text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            var cls = CombiningClass(text[i]);
            if (cls == 0)
            {
                continue;
            }

            // Insertion sort: runs of marks are short and usually already in order.
            var cp = text[i];
            var j = i;
            while (j > 0 && CombiningClass(text[j - 1]) > cls)
            {
                text[j] = text[j - 1];
                j--;
            }

            text[j] = cp;
        }
    }

    /// <summary>The canonical composition algorithm of UAX #15 over decomposed text; returns the new length.</summary>
    private static int Compose(Span<int> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var starterPos = 0;
        var lastClass = CombiningClass(text[0]);
        if (lastClass != 0)
        {
            // Text that begins with a mark has no starter to compose with.
            lastClass = 256;
        }

        var written = 1;
        for (var read = 1; read < text.Length; read++)
        {
            var cp = text[read];
            var cls = CombiningClass(cp);
            var composite = ComposePair(text[starterPos], cp);
            if (composite >= 0 && (lastClass < cls || lastClass == 0))
            {
                text[starterPos] = composite;
                continue;
            }

            if (cls == 0)
            {
                starterPos = written;
            }

            lastClass = cls;
            text[written++] = cp;
        }

        return written;
    }

    private static int ComposePair(int first, int second)
    {
        if (first is >= HangulLBase and < HangulLBase + HangulLCount && second is >= HangulVBase and < HangulVBase + HangulVCount)
        {
            return HangulSBase + ((first - HangulLBase) * HangulVCount + (second - HangulVBase)) * HangulTCount;
        }

        if (first is >= HangulSBase and < HangulSBase + HangulSCount && (first - HangulSBase) % HangulTCount == 0
            && second is > HangulTBase and < HangulTBase + HangulTCount)
        {
            return first + (second - HangulTBase);
        }

        return Tables.Compositions.TryGetValue(PairKey(first, second), out var composite) ? composite : -1;
    }

    private static int CombiningClass(int cp) =>
        cp < FirstNonTrivial ? 0 : Tables.CombiningClasses.TryGetValue(cp, out var cls) ? cls : 0;

    private static long PairKey(int first, int second) => (long)first << 21 | (uint)second;

    private static string Build(string original, ReadOnlySpan<int> codePoints)
    {
        var chars = ArrayPool<char>.Shared.Rent(codePoints.Length * 2);
        try
        {
            var length = 0;
            foreach (var cp in codePoints)
            {
                length += new Rune(cp).EncodeToUtf16(chars.AsSpan(length));
            }

            var result = chars.AsSpan(0, length);
            return result.SequenceEqual(original) ? original : new string(result);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private sealed class Data(FrozenDictionary<int, int[]> decompositions, FrozenDictionary<int, byte> combiningClasses, FrozenDictionary<long, int> compositions)
    {
        public FrozenDictionary<int, int[]> Decompositions { get; } = decompositions;

        public FrozenDictionary<int, byte> CombiningClasses { get; } = combiningClasses;

        public FrozenDictionary<long, int> Compositions { get; } = compositions;

        public static Data Load()
        {
            using var stream = typeof(UnicodeNormalForms).Assembly.GetManifestResourceStream("Cdm.Grains.Normalisation.UnicodeCanonicalData.txt")
                ?? throw new InvalidOperationException("The Unicode canonical data resource is missing from the assembly.");
            using var reader = new StreamReader(stream, Encoding.ASCII);

            var raw = new Dictionary<int, int[]>();
            var classes = new Dictionary<int, byte>();
            var compositions = new Dictionary<long, int>();
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                // code point;combining class;raw decomposition;c when the pair composes back
                var fields = line.Split(';');
                var cp = int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                var cls = byte.Parse(fields[1], CultureInfo.InvariantCulture);
                if (cls != 0)
                {
                    classes[cp] = cls;
                }

                if (fields[2].Length > 0)
                {
                    var parts = Array.ConvertAll(fields[2].Split(' '), p => int.Parse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    raw[cp] = parts;
                    if (fields[3] == "c")
                    {
                        compositions[PairKey(parts[0], parts[1])] = cp;
                    }
                }
            }

            var full = new Dictionary<int, int[]>(raw.Count);
            foreach (var cp in raw.Keys)
            {
                full[cp] = [.. Expand(cp, raw)];
            }

            return new Data(full.ToFrozenDictionary(), classes.ToFrozenDictionary(), compositions.ToFrozenDictionary());
        }

        private static IEnumerable<int> Expand(int cp, Dictionary<int, int[]> raw)
        {
            if (!raw.TryGetValue(cp, out var parts))
            {
                yield return cp;
                yield break;
            }

            foreach (var part in parts)
            {
                foreach (var expanded in Expand(part, raw))
                {
                    yield return expanded;
                }
            }
        }
    }
}
