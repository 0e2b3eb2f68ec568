using Cdm.Contracts.Privacy;

namespace Cdm.Grains.Privacy.Erasure;

/// <summary>The steps of an erasure, in order; each is done (idempotently) before the next begins.</summary>
public enum ErasurePhase
{
    /// <summary>Recorded, with its reminder; the profile may not know yet.</summary>
    Started = 0,

    /// <summary>The profile is closed and the plan is held (<see cref="ErasurePlan"/>).</summary>
    Planned = 1,

    /// <summary>Every silo refuses records carrying the person's keys.</summary>
    Suppressed = 2,

    /// <summary>The person's records left the blocks of probabilistic matching, and their rare names the match models.</summary>
    Unblocked = 3,

    /// <summary>The identifier grains of the person's keys are gone, rows and all.</summary>
    IdentifiersReleased = 4,

    /// <summary>Review tasks about the person's records are gone.</summary>
    ReviewsDropped = 5,

    /// <summary>Other profiles no longer mention the person's records.</summary>
    ReferencesRemoved = 6,

    /// <summary>The profile and those merged into it are tombstones.</summary>
    Tombstoned = 7,

    /// <summary>Done; the plan is dropped and the receipt is final.</summary>
    Completed = 8,
}

/// <summary>Stored state of an erasure saga: the receipt's facts, and the plan until the last step.</summary>
[Alias("cdm.ErasureState")]
public sealed class ErasureState
{
    public ErasurePhase Phase { get; set; }

    /// <summary>The profile the request found (the saga follows merges from it).</summary>
    public string ProfileId { get; set; } = "";

    public string RequestedBy { get; set; } = "";

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The erased profile and those merged into it.</summary>
    public List<string> ProfileIds { get; set; } = [];

    public ErasureCounts Counts { get; set; } = ErasureCounts.None;

    public List<ErasureStep> Steps { get; set; } = [];

    /// <summary>What the saga must find and remove: personal data itself, so held only while the saga runs.</summary>
    public ErasurePlan? Plan { get; set; }
}

/// <summary>What an erasure removes outside the profile, worked out once from what the profile handed over.</summary>
public sealed class ErasurePlan
{
    /// <summary>Identifier and source keys owned by the erased profiles (or by none): suppressed, then released.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>The blocking keys of each erased record (by source key), to leave.</summary>
    public Dictionary<string, List<string>> BlockKeys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Active profiles that mention the erased records (do-not-link constraints, split history).</summary>
    public List<string> RelatedProfileIds { get; set; } = [];

    /// <summary>The person's values of the fields match models count (names), with how many records held each.</summary>
    public Dictionary<string, Dictionary<string, int>> ModelValues { get; set; } = new(StringComparer.Ordinal);
}
