namespace Cdm.Grains.Survivorship;

/// <summary>How one configured attribute survives: its rule, or the index of the group it survives with (-1 for none).</summary>
internal readonly record struct AttributePlan(SurvivorshipRule Rule, int Group)
{
    public const int NoGroup = -1;
}
