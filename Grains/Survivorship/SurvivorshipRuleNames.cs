namespace Cdm.Grains.Survivorship;

/// <summary>The rule names written into lineage. They are stored with every golden value, so they never change.</summary>
public static class SurvivorshipRuleNames
{
    /// <summary>Lineage name of <see cref="SurvivorshipRule.SourcePriority"/>.</summary>
    public const string SourcePriority = "source_priority";

    /// <summary>Lineage name of <see cref="SurvivorshipRule.MostRecent"/>.</summary>
    public const string MostRecent = "most_recent";

    /// <summary>Lineage name of <see cref="SurvivorshipRule.MostFrequent"/>.</summary>
    public const string MostFrequent = "most_frequent";

    /// <summary>Lineage name of <see cref="SurvivorshipRule.MostComplete"/>.</summary>
    public const string MostComplete = "most_complete";

    /// <summary>The lineage name of a rule applied to one attribute, e.g. <c>most_recent</c>.</summary>
    public static string For(SurvivorshipRule rule) => rule switch
    {
        SurvivorshipRule.SourcePriority => SourcePriority,
        SurvivorshipRule.MostRecent => MostRecent,
        SurvivorshipRule.MostFrequent => MostFrequent,
        SurvivorshipRule.MostComplete => MostComplete,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "Not a survivorship rule."),
    };

    /// <summary>The lineage name of a rule applied to a group, e.g. <c>most_complete/address_group</c>.</summary>
    public static string ForGroup(SurvivorshipRule rule, string group) => $"{For(rule)}/{group}_group";
}
