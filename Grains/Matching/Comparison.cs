using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// One comparison of the model: maps a pair of records to a level index. Level 0 is always
/// <see cref="MissingLevel"/> (a value absent on either side), which carries no weight; level 1 is the exact
/// agreement; the last level is disagreement. Levels in between go from stronger to weaker agreement.
/// </summary>
public abstract class Comparison
{
    /// <summary>The name of level 0.</summary>
    public const string MissingLevel = "missing";

    /// <summary>The index of the missing level.</summary>
    public const int Missing = 0;

    /// <summary>The index of the exact level.</summary>
    public const int Exact = 1;

    protected Comparison(string field, IEnumerable<string> agreementLevels, Func<MatchRecord, string?> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        Field = field;
        Levels = [MissingLevel, .. agreementLevels];
        Value = value;
        if (Levels.Length < 3)
        {
            throw new ArgumentException("A comparison needs at least an exact and a disagreement level.", nameof(agreementLevels));
        }
    }

    /// <summary>The field compared, e.g. <c>last_name</c>.</summary>
    public string Field { get; }

    /// <summary>The level names, index 0 being <see cref="MissingLevel"/>.</summary>
    public ImmutableArray<string> Levels { get; }

    /// <summary>The index of the disagreement level (the last).</summary>
    public int Different => Levels.Length - 1;

    /// <summary>Reads this comparison's value from a record.</summary>
    public Func<MatchRecord, string?> Value { get; }

    /// <summary>The level of the pair.</summary>
    public int Compare(MatchRecord left, MatchRecord right)
    {
        var a = Value(left);
        var b = Value(right);
        if (string.IsNullOrEmpty(a) || string.IsNullOrEmpty(b))
        {
            return Missing;
        }

        return string.Equals(a, b, StringComparison.Ordinal) ? Exact : CompareDifferent(a, b, left, right);
    }

    /// <summary>The level of two present values that are not equal.</summary>
    protected abstract int CompareDifferent(string left, string right, MatchRecord leftRecord, MatchRecord rightRecord);
}
