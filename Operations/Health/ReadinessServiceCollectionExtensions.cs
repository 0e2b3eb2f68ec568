using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cdm.Operations.Health;

public static class ReadinessServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Orleans readiness check, tagged <see cref="HealthTags.Ready"/>. Safe to call more than once:
    /// both the operations endpoints and the gRPC health service need it.
    /// </summary>
    public static IServiceCollection AddCdmReadiness(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ClusterConnectionMonitor)))
        {
            return services;
        }

        services.AddSingleton<ClusterConnectionMonitor>();
        // The Orleans client hands connection changes to every registered observer.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClusterConnectionStatusObserver, ClusterConnectionMonitor>(
            sp => sp.GetRequiredService<ClusterConnectionMonitor>()));
        services.AddHealthChecks().AddCheck<OrleansReadinessCheck>(OrleansReadinessCheck.Name, tags: [HealthTags.Ready]);
        return services;
    }
}
