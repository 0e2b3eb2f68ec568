namespace Cdm.Grains.Survivorship;

/// <summary>
/// Whose data a source carries. Survivorship trusts lower parties more when nothing else decides,
/// so the numeric order (Zero first) is the trust order.
/// </summary>
public enum SourceParty
{
    /// <summary>The person told us (a preference centre, a sign-up form).</summary>
    Zero = 0,

    /// <summary>Our own systems observed it (shop, CRM, support).</summary>
    First = 1,

    /// <summary>A partner's own first-party data, shared with us.</summary>
    Second = 2,

    /// <summary>Bought or aggregated data.</summary>
    Third = 3,
}
