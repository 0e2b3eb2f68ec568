using System.Collections.Frozen;
using Cdm.Contracts.Privacy;

namespace Cdm.Grains.Privacy;

/// <summary>
/// What one read may see: the classes of its purpose (null for all), unless the consent the purpose needs is
/// missing, in which case nothing personal.
/// </summary>
/// <param name="Refusal">Why the consent the purpose needs does not allow it; null when it does or none is needed.</param>
public sealed record ReadGrant(string Purpose, FrozenSet<string>? Classes, WithholdReason? Refusal)
{
    /// <summary>True when the read sees every class: nothing to filter.</summary>
    public bool SeesAll => Classes is null && Refusal is null;

    /// <summary>Why a value of class <paramref name="cls"/> is withheld, or null when it is seen.</summary>
    public WithholdReason? ReasonFor(string cls) =>
        Classes is not null && !Classes.Contains(cls) ? WithholdReason.NotForPurpose : Refusal;
}
