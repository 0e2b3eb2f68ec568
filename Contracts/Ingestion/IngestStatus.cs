namespace Cdm.Contracts.Ingestion;

/// <summary>What ingesting one record did.</summary>
[GenerateSerializer, Alias("cdm.IngestStatus")]
public enum IngestStatus
{
    Created = 1,
    Linked = 2,
    Merged = 3,
    Updated = 4,
    Unchanged = 5,
    Rejected = 6,
}
