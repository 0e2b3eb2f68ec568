namespace Cdm.Grains.Blocking;

/// <summary>
/// One blocking key of a record: the rule and the joined part values. <see cref="Key"/> is the compact string used
/// as a grain key, <c>b:{rule code}:{value}:{value}...</c>, e.g. <c>b:sn_by:SNAT:1980</c>.
/// </summary>
public readonly record struct BlockingKey(string Rule, string Key)
{
    /// <summary>The prefix of every blocking key.</summary>
    public const string Prefix = "b:";

    /// <inheritdoc />
    public override string ToString() => Key;
}
