using System.Collections.Frozen;

namespace Cdm.Grains.Matching;

/// <summary>
/// How often each value of one field occurs among records: the chance that two random records share that value,
/// used in place of the average u of an exact agreement so a rare surname weighs more than a common one.
/// </summary>
public sealed class TermFrequencyTable
{
    private readonly FrozenDictionary<string, double> frequencies;

    /// <summary>A table of given frequencies; <paramref name="unseen"/> is the frequency of a value not in it.</summary>
    public TermFrequencyTable(IReadOnlyDictionary<string, double> frequencies, double unseen)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unseen);
        this.frequencies = frequencies.ToFrozenDictionary(StringComparer.Ordinal);
        Unseen = unseen;
    }

    /// <summary>The frequency assumed for a value the table has not seen.</summary>
    public double Unseen { get; }

    /// <summary>The frequencies by value.</summary>
    public IReadOnlyDictionary<string, double> Frequencies => frequencies;

    /// <summary>The frequency of <paramref name="value"/> among the records counted.</summary>
    public double Frequency(string value) => frequencies.TryGetValue(value, out var frequency) ? frequency : Unseen;

    /// <summary>Counts the present values; a value seen once has frequency 1/n, one never seen 1/(n+1).</summary>
    public static TermFrequencyTable Build(IEnumerable<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var value in values)
        {
            if (!string.IsNullOrEmpty(value))
            {
                counts[value] = counts.GetValueOrDefault(value) + 1;
                total++;
            }
        }

        var frequencies = counts.ToDictionary(c => c.Key, c => (double)c.Value / Math.Max(1, total), StringComparer.Ordinal);
        return new TermFrequencyTable(frequencies, 1.0 / (total + 1));
    }
}
