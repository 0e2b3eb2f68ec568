using System.Buffers;

namespace Cdm.Grains.Matching;

/// <summary>
/// Jaro-Winkler similarity, 0 (nothing in common) to 1 (equal), with the usual prefix scale 0.1 over at most four
/// characters and the boost applied above a Jaro similarity of 0.7.
/// </summary>
/// <remarks>
/// Written here rather than taken from F23.StringSimilarity: its <c>JaroWinkler.Similarity</c> allocates several
/// arrays per call (match flags, matched characters, a result array), and scoring and training compare millions of
/// pairs. This one keeps its flags on the stack for values up to 256 characters.
/// </remarks>
public static class JaroWinkler
{
    private const int StackLimit = 256;
    private const double PrefixScale = 0.1;
    private const int MaxPrefix = 4;
    private const double BoostThreshold = 0.7;

    /// <summary>The Jaro-Winkler similarity of <paramref name="left"/> and <paramref name="right"/>.</summary>
    public static double Similarity(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.SequenceEqual(right))
        {
            return 1.0;
        }

        if (left.IsEmpty || right.IsEmpty)
        {
            return 0.0;
        }

        var jaro = Jaro(left, right);
        if (jaro <= BoostThreshold)
        {
            return jaro;
        }

        var prefix = 0;
        var limit = Math.Min(MaxPrefix, Math.Min(left.Length, right.Length));
        while (prefix < limit && left[prefix] == right[prefix])
        {
            prefix++;
        }

        return jaro + prefix * PrefixScale * (1.0 - jaro);
    }

    /// <summary>The Jaro similarity, without the prefix boost.</summary>
    public static double Jaro(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.IsEmpty && right.IsEmpty)
        {
            return 1.0;
        }

        if (left.IsEmpty || right.IsEmpty)
        {
            return 0.0;
        }

        var total = left.Length + right.Length;
        bool[]? rented = null;
        var flags = total <= StackLimit ? stackalloc bool[total] : (rented = ArrayPool<bool>.Shared.Rent(total)).AsSpan(0, total);
        flags.Clear();
        try
        {
            return Jaro(left, right, flags[..left.Length], flags[left.Length..]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<bool>.Shared.Return(rented);
            }
        }
    }

    private static double Jaro(ReadOnlySpan<char> left, ReadOnlySpan<char> right, Span<bool> leftMatched, Span<bool> rightMatched)
    {
        var window = Math.Max(0, Math.Max(left.Length, right.Length) / 2 - 1);
        var matches = 0;
        for (var i = 0; i < left.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(right.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (!rightMatched[j] && left[i] == right[j])
                {
                    leftMatched[i] = true;
                    rightMatched[j] = true;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0.0;
        }

        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < left.Length; i++)
        {
            if (!leftMatched[i])
            {
                continue;
            }

            while (!rightMatched[k])
            {
                k++;
            }

            if (left[i] != right[k])
            {
                halfTranspositions++;
            }

            k++;
        }

        double m = matches;
        return (m / left.Length + m / right.Length + (m - halfTranspositions / 2) / m) / 3.0;
    }
}
