namespace Cdm.Grains.Survivorship;

/// <summary>A source system as survivorship sees it: whose data it carries and how far it is trusted (higher rank = more trusted).</summary>
public sealed record SourceDefinition(string Name, SourceParty Party, int TrustRank);
