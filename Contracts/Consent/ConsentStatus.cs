namespace Cdm.Contracts.Consent;

/// <summary>
/// What a person said about one purpose. Ordered from the least to the most restrictive: when two states must be
/// combined (a merge of two profiles, two statements with the same timestamp) the larger wins.
/// </summary>
[GenerateSerializer, Alias("cdm.ConsentStatus")]
public enum ConsentStatus
{
    Granted = 0,
    Denied = 1,
    Withdrawn = 2,
}
