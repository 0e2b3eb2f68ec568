using System.Collections.Frozen;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// Gender: common spellings (<c>m</c>, <c>Male</c>, <c>F</c>, <c>woman</c>, <c>x</c>, <c>non-binary</c>, ...) map to
/// <c>male</c>, <c>female</c> or <c>other</c>. Anything else (including <c>unknown</c>) is kept as received and flagged.
/// </summary>
public sealed class GenderNormaliser : IAttributeNormaliser
{
    /// <summary>The quality issue of a value that is not a known gender form.</summary>
    public const string UnknownIssue = "not a recognised gender";

    /// <summary>The normalised value for male.</summary>
    public const string Male = "male";

    /// <summary>The normalised value for female.</summary>
    public const string Female = "female";

    /// <summary>The normalised value for any other gender.</summary>
    public const string Other = "other";

    private static readonly FrozenDictionary<string, string> Forms = new Dictionary<string, string>
    {
        ["m"] = Male, ["male"] = Male, ["man"] = Male, ["masculine"] = Male,
        ["f"] = Female, ["female"] = Female, ["woman"] = Female, ["feminine"] = Female, ["w"] = Female,
        ["x"] = Other, ["o"] = Other, ["other"] = Other, ["non-binary"] = Other, ["nonbinary"] = Other,
        ["non binary"] = Other, ["nb"] = Other, ["diverse"] = Other, ["divers"] = Other, ["d"] = Other,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public NormalisedValue Normalise(string value)
    {
        var cleaned = TextNormaliser.Clean(value);
        if (cleaned.Length == 0)
        {
            return NormalisedValue.Dropped;
        }

        return Forms.TryGetValue(cleaned, out var gender)
            ? NormalisedValue.Valid(gender)
            : NormalisedValue.Flagged(value, UnknownIssue);
    }
}
