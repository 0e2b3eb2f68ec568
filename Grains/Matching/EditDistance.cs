using System.Buffers;

namespace Cdm.Grains.Matching;

/// <summary>
/// Bounded edit distances: Levenshtein (insert, delete, substitute) and optimal string alignment, the restricted
/// Damerau distance that also counts swapping two adjacent characters as one edit. Each gives up as soon as the
/// distance must exceed the bound and then answers <c>bound + 1</c>, so comparing long unequal values stays cheap.
/// Allocation-free for values up to 170 characters (three rows on the stack); see <see cref="JaroWinkler"/> for why
/// this is not taken from a package.
/// </summary>
public static class EditDistance
{
    private const int StackLimit = 512;

    /// <summary>The Levenshtein distance, or <paramref name="bound"/> + 1 when it is larger than the bound.</summary>
    public static int Levenshtein(ReadOnlySpan<char> left, ReadOnlySpan<char> right, int bound = int.MaxValue - 1) =>
        Distance(left, right, bound, transpositions: false);

    /// <summary>The optimal-string-alignment (restricted Damerau-Levenshtein) distance, bounded like <see cref="Levenshtein"/>.</summary>
    public static int Damerau(ReadOnlySpan<char> left, ReadOnlySpan<char> right, int bound = int.MaxValue - 1) =>
        Distance(left, right, bound, transpositions: true);

    private static int Distance(ReadOnlySpan<char> left, ReadOnlySpan<char> right, int bound, bool transpositions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bound);
        if (Math.Abs(left.Length - right.Length) > bound)
        {
            return bound + 1;
        }

        if (left.IsEmpty || right.IsEmpty)
        {
            return Math.Max(left.Length, right.Length);
        }

        var width = right.Length + 1;
        int[]? rented = null;
        var rows = 3 * width <= StackLimit ? stackalloc int[3 * width] : (rented = ArrayPool<int>.Shared.Rent(3 * width)).AsSpan(0, 3 * width);
        try
        {
            var beforePrevious = rows[..width];
            var previous = rows.Slice(width, width);
            var current = rows.Slice(2 * width, width);
            for (var j = 0; j < width; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= left.Length; i++)
            {
                current[0] = i;
                var rowMinimum = i;
                for (var j = 1; j < width; j++)
                {
                    var cost = left[i - 1] == right[j - 1] ? 0 : 1;
                    var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (transpositions && i > 1 && j > 1 && left[i - 1] == right[j - 2] && left[i - 2] == right[j - 1])
                    {
                        value = Math.Min(value, beforePrevious[j - 2] + 1);
                    }

                    current[j] = value;
                    rowMinimum = Math.Min(rowMinimum, value);
                }

                if (rowMinimum > bound)
                {
                    return bound + 1;
                }

                var recycled = beforePrevious;
                beforePrevious = previous;
                previous = current;
                current = recycled;
            }

            var distance = previous[width - 1];
            return distance > bound ? bound + 1 : distance;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }
}
