namespace Cdm.Contracts.Audit;

/// <summary>Reads the audit log of the silo's storage (a stateless worker: any silo answers).</summary>
[Alias("cdm.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    Task<AuditPage> QueryAsync(AuditQuery query);
}
