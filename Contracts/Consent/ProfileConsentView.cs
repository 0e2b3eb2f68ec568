using System.Collections.Immutable;

namespace Cdm.Contracts.Consent;

/// <summary>Every consent statement a profile holds, in order of arrival; the rules of the ledger make one per purpose current.</summary>
[GenerateSerializer, Immutable, Alias("cdm.ProfileConsentView")]
public sealed record ProfileConsentView(
    [property: Id(0)] string ProfileId,
    [property: Id(1)] ImmutableArray<ConsentStatement> Statements);
