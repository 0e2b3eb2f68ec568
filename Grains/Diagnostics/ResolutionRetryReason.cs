namespace Cdm.Grains.Diagnostics;

/// <summary>Why a record's resolution went back to what is stored and started another round.</summary>
public enum ResolutionRetryReason
{
    /// <summary>A claim for an unowned identifier answered another owner.</summary>
    ClaimRace,

    /// <summary>An empty profile to be sealed received a record meanwhile.</summary>
    SealRefused,

    /// <summary>A merge saga put the content somewhere other than the target (the target was merged away).</summary>
    AbsorbedElsewhere,

    /// <summary>The target redirected the record: it is merging or merged.</summary>
    Redirected,

    /// <summary>A merge was refused by a do-not-link constraint; the profile it would have joined is left out.</summary>
    LinkRefused,
}
