using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cdm.Operations.Health;

/// <summary>
/// Ready when grain calls from this process can succeed. A process hosting a silo is ready while that silo
/// is Active: before, it is still joining the cluster; after, it is shutting down. A client process (a
/// gateway in cluster mode) is ready while it is connected to at least one gateway silo.
/// </summary>
internal sealed class OrleansReadinessCheck(IServiceProvider services, ClusterConnectionMonitor connection) : IHealthCheck
{
    public const string Name = "orleans";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Check());

    private HealthCheckResult Check()
    {
        // Asked for rather than injected: a client process has no silo oracle, and both kinds have a cluster client.
        if (services.GetService<ISiloStatusOracle>() is { } silo)
        {
            return silo.CurrentStatus == SiloStatus.Active
                ? HealthCheckResult.Healthy($"silo {silo.SiloName} is Active")
                : HealthCheckResult.Unhealthy($"silo {silo.SiloName} is {silo.CurrentStatus}");
        }

        if (services.GetService<IClusterClient>() is null)
        {
            return HealthCheckResult.Unhealthy("this process hosts neither an Orleans silo nor an Orleans client");
        }

        var gateways = connection.ConnectedGateways;
        return gateways > 0
            ? HealthCheckResult.Healthy($"connected to {gateways} gateway silo(s)")
            : HealthCheckResult.Unhealthy("not connected to any gateway silo");
    }
}
