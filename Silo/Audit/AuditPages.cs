using Cdm.Contracts.Audit;

namespace Cdm.Silo.Audit;

/// <summary>Cuts what a store read (one entry more than asked, newest first) into a page and its cursor.</summary>
public static class AuditPages
{
    public static AuditPage Of(List<AuditEntry> read, int limit) =>
        read.Count > limit ? new AuditPage([.. read.Take(limit)], read[limit - 1].Id) : new AuditPage([.. read], null);
}
