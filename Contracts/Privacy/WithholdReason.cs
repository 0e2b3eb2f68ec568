namespace Cdm.Contracts.Privacy;

/// <summary>Why a read left a value out.</summary>
[GenerateSerializer, Alias("cdm.WithholdReason")]
public enum WithholdReason
{
    /// <summary>The purpose of the read may not see the value's attribute class.</summary>
    NotForPurpose = 0,

    /// <summary>The purpose needs consent and the person never gave any.</summary>
    NoConsent = 1,

    /// <summary>The person refused consent for the purpose.</summary>
    ConsentDenied = 2,

    /// <summary>The person withdrew consent for the purpose.</summary>
    ConsentWithdrawn = 3,

    /// <summary>The person's consent for the purpose lapsed.</summary>
    ConsentExpired = 4,
}
