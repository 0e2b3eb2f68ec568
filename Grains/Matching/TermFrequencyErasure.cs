using System.Collections.Immutable;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Matching;

/// <summary>
/// Takes an erased person out of a model's term-frequency tables. A table counts name values over the records it was
/// trained on, so a rare name that only the person had is the person. A value the person held in as many records as
/// the table counted is removed (it then weighs as unseen, nearly what a single occurrence weighed); a value others
/// share stays, since it no longer points at anyone.
/// </summary>
public static class TermFrequencyErasure
{
    /// <summary>For each field with a table, the values of <paramref name="currentVersions"/> (one per record) and how many records hold each.</summary>
    public static ImmutableDictionary<string, ImmutableDictionary<string, int>> ValuesOf(IEnumerable<RecordVersion> currentVersions)
    {
        var records = currentVersions.Select(MatchRecords.From).ToList();
        return StandardComparisons.Create()
            .Where(c => MatchModelTrainer.TermFrequencyFields.Contains(c.Field))
            .ToImmutableDictionary(
                c => c.Field,
                c => records.Select(c.Value).OfType<string>().GroupBy(static v => v, StringComparer.Ordinal)
                    .ToImmutableDictionary(static g => g.Key, static g => g.Count(), StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    /// <summary>The document without the values only the person held; and how many entries went.</summary>
    public static (MatchModelDocument Document, int Removed) Forget(MatchModelDocument document, IReadOnlyDictionary<string, ImmutableDictionary<string, int>> values)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(values);
        var removed = 0;
        var comparisons = document.Comparisons.Select(c =>
        {
            if (c.TermFrequencies is not { } table || c.UnseenFrequency is not { } unseen || !values.TryGetValue(c.Field, out var held))
            {
                return c;
            }

            // Build sets unseen to 1/(n+1) and each value to count/n.
            var total = 1.0 / unseen - 1;
            var gone = held.Where(h => table.TryGetValue(h.Key, out var frequency) && Math.Round(frequency * total) <= h.Value).Select(static h => h.Key).ToList();
            removed += gone.Count;
            return gone.Count == 0 ? c : c with { TermFrequencies = table.RemoveRange(gone) };
        }).ToImmutableArray();
        return (removed == 0 ? document : document with { Comparisons = comparisons }, removed);
    }
}
