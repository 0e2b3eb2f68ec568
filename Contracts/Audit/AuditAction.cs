namespace Cdm.Contracts.Audit;

/// <summary>What a caller did to a profile.</summary>
[GenerateSerializer, Alias("cdm.AuditAction")]
public enum AuditAction
{
    /// <summary>Read the profile (golden record, members) for a purpose.</summary>
    ProfileRead = 1,

    /// <summary>Read the profile's history for a purpose.</summary>
    HistoryRead = 2,

    /// <summary>Read the profile's consent.</summary>
    ConsentRead = 3,

    /// <summary>Read why each record is in the profile (a steward's explanation).</summary>
    ExplanationRead = 4,

    /// <summary>Added a source record, or a new version of one.</summary>
    RecordWritten = 10,

    /// <summary>Removed a source record.</summary>
    RecordRemoved = 11,

    /// <summary>Recorded a consent statement.</summary>
    ConsentRecorded = 12,

    /// <summary>Merged another profile into this one.</summary>
    Merged = 13,

    /// <summary>Split records out of this profile, or took records split out of another.</summary>
    Split = 14,

    /// <summary>Forbade two records to share a profile.</summary>
    DoNotLink = 15,

    /// <summary>Noted that a consent grant lapsed (the cluster's own reminder).</summary>
    ConsentLapsed = 16,

    /// <summary>Began erasing the profile (right to be forgotten): it takes no more changes.</summary>
    ErasureStarted = 17,

    /// <summary>Erased the profile's personal data; what is left is a tombstone.</summary>
    Erased = 18,

    /// <summary>Removed from this profile the mentions of records erased with another person.</summary>
    ErasedReferencesRemoved = 19,

    /// <summary>Removed values whose retention period was over (the cluster's own reminder).</summary>
    RetentionApplied = 20,
}
