using Cdm.Contracts.Records;

namespace Cdm.Grains.Survivorship;

/// <summary>A member record version with its source's trust looked up once per build, not once per attribute.</summary>
internal readonly struct SurvivorCandidate(RecordVersion version, int priorityIndex, int trustRank, SourceParty party)
{
    public RecordVersion Version { get; } = version;

    /// <summary>Position in the explicit source priority list; <see cref="int.MaxValue"/> when not listed.</summary>
    public int PriorityIndex { get; } = priorityIndex;

    public int TrustRank { get; } = trustRank;

    public SourceParty Party { get; } = party;
}
