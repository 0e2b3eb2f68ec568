using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// A <see cref="MatchModel"/> as plain data, for System.Text.Json, storage in a grain and <c>cdm model show</c>.
/// The comparisons themselves are code; a document names them by field and carries their learned numbers.
/// </summary>
/// <param name="Version">The document format, <see cref="CurrentVersion"/>.</param>
/// <param name="Lambda">The prior chance that a compared pair is a match.</param>
/// <param name="Threshold">The match probability at or above which a pair is called a match.</param>
/// <param name="Comparisons">One entry per comparison, in vector order.</param>
/// <param name="ReviewThreshold">The match probability at or above which a pair below the threshold is reviewed.</param>
public sealed record MatchModelDocument(string Version, double Lambda, double Threshold, ImmutableArray<ComparisonDocument> Comparisons, double? ReviewThreshold = null)
{
    /// <summary>The format this code writes and reads.</summary>
    public const string CurrentVersion = "cdm-fellegi-sunter/1";
}

/// <summary>One comparison of a <see cref="MatchModelDocument"/>: its levels and, if it has one, its term-frequency table.</summary>
/// <param name="Field">The field compared.</param>
/// <param name="Levels">The levels in index order, the first being <see cref="Comparison.MissingLevel"/>.</param>
/// <param name="TermFrequencies">Frequencies by value, or <see langword="null"/>.</param>
/// <param name="UnseenFrequency">The frequency of a value not in the table.</param>
public sealed record ComparisonDocument(
    string Field,
    ImmutableArray<LevelDocument> Levels,
    ImmutableDictionary<string, double>? TermFrequencies = null,
    double? UnseenFrequency = null);

/// <summary>One level: its name, m and u.</summary>
public sealed record LevelDocument(string Name, double M, double U);
