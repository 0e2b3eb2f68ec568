using Cdm.Contracts.Consent;

namespace Cdm.Grains.Consent;

/// <summary>The state of one purpose at a moment: the statement in force, and whether it allows processing.</summary>
/// <param name="Statement">The newest statement; null when nothing was ever said about the purpose.</param>
/// <param name="Expired">True when <see cref="Statement"/> is a grant whose expiry has passed.</param>
public sealed record EffectiveConsent(string Purpose, ConsentStatement? Statement, bool Expired)
{
    /// <summary>True only for a grant in force: no statement, a refusal or a lapsed grant all mean no.</summary>
    public bool Allows => Statement is { Status: ConsentStatus.Granted } && !Expired;
}
