namespace Cdm.Grains.Survivorship;

/// <summary>A configured attribute group, with its lineage rule name built once rather than per value.</summary>
internal sealed class GroupPlan(string name, SurvivorshipRule rule)
{
    public string Name { get; } = name;

    public SurvivorshipRule Rule { get; } = rule;

    public string LineageRule { get; } = SurvivorshipRuleNames.ForGroup(rule, name);
}
