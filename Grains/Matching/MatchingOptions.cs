using Cdm.Grains.Blocking;

namespace Cdm.Grains.Matching;

/// <summary>Probabilistic matching at ingest, bound from <c>Cdm:Matching</c>.</summary>
public sealed class MatchingOptions
{
    /// <summary>
    /// Whether records are put into blocks at ingest. Blocks are filled even while no model is active, so that a
    /// model trained later has candidates; off, only deterministic identifiers link.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a silo uses the active model it read before asking the registry again.</summary>
    public TimeSpan ModelRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most candidates a record is scored against (the nearest blocks first); the rest are skipped.</summary>
    public int MaxCandidates { get; set; } = 1_000;

    /// <summary>The blocking rules and the block cap.</summary>
    public BlockingOptions Blocking { get; set; } = new();
}
