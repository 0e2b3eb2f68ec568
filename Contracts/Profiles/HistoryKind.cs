namespace Cdm.Contracts.Profiles;

/// <summary>What happened to a profile.</summary>
[GenerateSerializer, Alias("cdm.HistoryKind")]
public enum HistoryKind
{
    RecordAdded = 1,
    RecordUpdated = 2,
    RecordRemoved = 3,
    Absorbed = 4,
    MergedInto = 5,

    /// <summary>A member was forbidden to share a profile with another record.</summary>
    DoNotLink = 6,

    /// <summary>A merge was refused (a do-not-link constraint) and the loser stayed active.</summary>
    MergeRefused = 7,

    /// <summary>A member was split out into a profile of its own.</summary>
    SplitOut = 8,

    /// <summary>A consent grant reached its expiry (noted by a reminder).</summary>
    ConsentLapsed = 9,

    /// <summary>The profile's personal data was erased (all other entries went with it).</summary>
    Erased = 10,

    /// <summary>A record mentioned here was erased with its person; the entry's record and reason were removed.</summary>
    ErasedReference = 11,

    /// <summary>Values of a record (or the whole record) reached the end of their retention period and were removed.</summary>
    RetentionExpired = 12,
}
