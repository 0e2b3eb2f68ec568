using Cdm.Contracts.Audit;

namespace Cdm.Grains.Audit;

/// <summary>
/// The append-only audit log, kept by the silo's storage in a table of its own (SQLite beside the grain state,
/// PostgreSQL in the cluster's database). Entries are never updated or deleted.
/// </summary>
public interface IAuditStore
{
    /// <summary>Appends <paramref name="entry"/> (its id is assigned); completes once it is durable.</summary>
    Task AppendAsync(AuditEntry entry);

    /// <summary>The entries <paramref name="query"/> names, newest first.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query);
}
