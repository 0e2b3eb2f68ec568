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
}
