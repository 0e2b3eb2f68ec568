namespace Cdm.Grains.Survivorship;

/// <summary>Attributes that survive together from one record (an address), with the rule that picks that record.</summary>
public sealed class SurvivorshipGroupOptions
{
    /// <summary>The attributes of the group. Duplicates are ignored (configuration binding appends to lists).</summary>
    public List<string> Attributes { get; set; } = [];

    /// <summary>The rule that picks the record the whole group comes from.</summary>
    public SurvivorshipRule Rule { get; set; } = SurvivorshipRule.MostComplete;
}
