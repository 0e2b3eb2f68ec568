namespace Cdm.Grains.Identity;

/// <summary>
/// Identity-graph rules, bound from <c>Cdm:IdentityGraph</c>: how many identifiers of a type one profile may hold,
/// and which identifiers a record links by first when not all its links can hold. They stop a shared family
/// email or a call-centre phone number from collapsing different people into one profile.
/// </summary>
public sealed class IdentityGraphOptions
{
    /// <summary>
    /// Whether the per-profile limits apply. Off, every shared identifier links (profiles are the connected
    /// components of the identifier graph) and only do-not-link constraints keep records apart.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rules by identifier type. Types not listed have no limit and <see cref="DefaultPriority"/>.</summary>
    public Dictionary<string, IdentifierRule> Identifiers { get; set; } = new(StringComparer.Ordinal)
    {
        ["crm_id"] = new() { MaxPerProfile = 1, Priority = 100 },
        ["national_id"] = new() { MaxPerProfile = 1, Priority = 90 },
        ["email"] = new() { MaxPerProfile = 5, Priority = 50 },
        ["phone"] = new() { MaxPerProfile = 5, Priority = 40 },
    };

    /// <summary>The priority of an identifier type without a rule; probabilistic matches always come after every identifier.</summary>
    public int DefaultPriority { get; set; } = 30;
}

/// <summary>The rule of one identifier type.</summary>
public sealed class IdentifierRule
{
    /// <summary>The most distinct identifiers of this type one profile may hold (0: no limit).</summary>
    public int MaxPerProfile { get; set; }

    /// <summary>Higher links first.</summary>
    public int Priority { get; set; } = 30;
}
