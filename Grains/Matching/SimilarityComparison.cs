namespace Cdm.Grains.Matching;

/// <summary>
/// Text compared by Jaro-Winkler bands: exact, close (similarity at least <see cref="CloseThreshold"/>), loose (at
/// least <see cref="LooseThreshold"/>), different. For streets and cities.
/// </summary>
public sealed class SimilarityComparison(string field, Func<MatchRecord, string?> value)
    : Comparison(field, ["exact", "close", "loose", "different"], value)
{
    /// <summary>The lowest Jaro-Winkler similarity of the close level.</summary>
    public const double CloseThreshold = 0.92;

    /// <summary>The lowest Jaro-Winkler similarity of the loose level.</summary>
    public const double LooseThreshold = 0.80;

    /// <summary>The band of a similarity: 2 (close), 3 (loose) or 4 (different).</summary>
    internal static int Band(string left, string right)
    {
        var similarity = JaroWinkler.Similarity(left, right);
        return similarity >= CloseThreshold ? 2 : similarity >= LooseThreshold ? 3 : 4;
    }

    protected override int CompareDifferent(string left, string right, MatchRecord leftRecord, MatchRecord rightRecord) =>
        Band(left, right);
}
