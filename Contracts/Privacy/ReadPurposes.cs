namespace Cdm.Contracts.Privacy;

/// <summary>
/// The purposes of reading a profile that need no consent, because the law gives another basis. Together with the
/// consent purposes they are the standard read purposes; a deployment may configure more.
/// </summary>
public static class ReadPurposes
{
    /// <summary>Serving the person under a contract: everything but the sensitive class.</summary>
    public const string CustomerService = "customer_service";

    /// <summary>Data stewardship (reviewing matches, splitting, explaining): everything, as the data's keepers.</summary>
    public const string Stewardship = "stewardship";

    /// <summary>Answering a privacy request (access, erasure): everything, as the law requires.</summary>
    public const string PrivacyRequest = "privacy_request";
}
