using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cdm.Gateway.Hosting;

/// <summary>
/// Ready when the silo in this process is active (the embedded default): before that, grain calls
/// would fail, so the health service must not say SERVING.
/// </summary>
public sealed class SiloHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var oracle = services.GetService<ISiloStatusOracle>();
        var result = oracle is null || oracle.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"silo is {oracle.CurrentStatus}");
        return Task.FromResult(result);
    }
}
