namespace Cdm.Contracts.Consent;

/// <summary>The lawful bases for processing of GDPR article 6(1), (a) to (f).</summary>
[GenerateSerializer, Alias("cdm.LawfulBasis")]
public enum LawfulBasis
{
    Consent = 0,
    Contract = 1,
    LegalObligation = 2,
    VitalInterests = 3,
    PublicTask = 4,
    LegitimateInterests = 5,
}
