namespace Cdm.Grains.Survivorship;

/// <summary>
/// Which rule picks each golden value, bound from <see cref="SectionName"/>. Attributes without a rule of
/// their own and outside every group use <see cref="DefaultRule"/>. Attribute and source names are
/// matched case-insensitively, as configuration keys are.
/// </summary>
public sealed class SurvivorshipOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Cdm:Survivorship";

    /// <summary>The name of the default address group.</summary>
    public const string AddressGroup = "address";

    /// <summary>The rule of an attribute that has none of its own; <see cref="SurvivorshipRule.MostRecent"/> by default.</summary>
    public SurvivorshipRule DefaultRule { get; set; } = SurvivorshipRule.MostRecent;

    /// <summary>Rules per attribute, e.g. <c>email</c> → MostRecent, <c>last_name</c> → MostFrequent. Empty by default.</summary>
    public Dictionary<string, SurvivorshipRule> Attributes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Source names, most trusted first, for <see cref="SurvivorshipRule.SourcePriority"/> and for breaking
    /// recency ties. Listed sources outrank unlisted ones; the rest are ordered by trust rank, then party.
    /// </summary>
    public List<string> SourcePriority { get; } = [];

    /// <summary>
    /// Named groups of attributes that survive together. By default <see cref="AddressGroup"/>:
    /// address_line1, address_line2, city, postcode, region, country, by <see cref="SurvivorshipRule.MostComplete"/>.
    /// </summary>
    public Dictionary<string, SurvivorshipGroupOptions> Groups { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        [AddressGroup] = new SurvivorshipGroupOptions
        {
            Attributes = ["address_line1", "address_line2", "city", "postcode", "region", "country"],
            Rule = SurvivorshipRule.MostComplete,
        },
    };
}
