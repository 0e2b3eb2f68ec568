using Cdm.Grains.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Cdm.Postgres.Audit;

public static class PostgresAuditRegistration
{
    /// <summary>Keeps the audit log in <c>cdm_audit</c> of the database at <paramref name="connectionString"/>, under the silo's service id.</summary>
    public static ISiloBuilder AddCdmPostgresAudit(this ISiloBuilder silo, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.AddSingleton<IAuditStore>(sp => new PostgresAuditStore(connectionString, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        return silo;
    }
}
