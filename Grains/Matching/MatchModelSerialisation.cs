using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>Turns a <see cref="MatchModel"/> into a <see cref="MatchModelDocument"/> and back.</summary>
public static class MatchModelSerialisation
{
    /// <summary>The document of a model.</summary>
    public static MatchModelDocument ToDocument(this MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var comparisons = model.Comparisons.Select((comparison, i) =>
        {
            var levels = comparison.Levels.Select((name, level) => new LevelDocument(name, model.M[i][level], model.U[i][level]));
            var table = model.TermFrequencies.GetValueOrDefault(comparison.Field);
            return new ComparisonDocument(
                comparison.Field,
                [.. levels],
                table?.Frequencies.ToImmutableDictionary(StringComparer.Ordinal),
                table?.Unseen);
        });
        return new MatchModelDocument(MatchModelDocument.CurrentVersion, model.Lambda, model.Threshold, [.. comparisons], model.ReviewThreshold);
    }

    /// <summary>
    /// The model of a document over <paramref name="comparisons"/> (by default <see cref="StandardComparisons"/>);
    /// the document must name the same fields with the same levels, in the same order.
    /// </summary>
    public static MatchModel ToModel(this MatchModelDocument document, ImmutableArray<Comparison>? comparisons = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Version != MatchModelDocument.CurrentVersion)
        {
            throw new FormatException($"Match model version '{document.Version}' is not '{MatchModelDocument.CurrentVersion}'.");
        }

        var code = comparisons ?? StandardComparisons.Create();
        if (document.Comparisons.Length != code.Length)
        {
            throw new FormatException($"Match model has {document.Comparisons.Length} comparisons, expected {code.Length}.");
        }

        var tables = new Dictionary<string, TermFrequencyTable>(StringComparer.Ordinal);
        for (var i = 0; i < code.Length; i++)
        {
            var stored = document.Comparisons[i];
            if (stored.Field != code[i].Field || !stored.Levels.Select(l => l.Name).SequenceEqual(code[i].Levels))
            {
                throw new FormatException(
                    $"Match model comparison {i} is {stored.Field} ({string.Join(", ", stored.Levels.Select(l => l.Name))}), "
                    + $"expected {code[i].Field} ({string.Join(", ", code[i].Levels)}).");
            }

            if (stored.TermFrequencies is { } frequencies)
            {
                tables[stored.Field] = new TermFrequencyTable(frequencies, stored.UnseenFrequency ?? double.Epsilon);
            }
        }

        return new MatchModel(
            code,
            [.. document.Comparisons.Select(c => c.Levels.Select(l => l.M).ToImmutableArray())],
            [.. document.Comparisons.Select(c => c.Levels.Select(l => l.U).ToImmutableArray())],
            document.Lambda,
            tables,
            document.Threshold,
            document.ReviewThreshold);
    }
}
