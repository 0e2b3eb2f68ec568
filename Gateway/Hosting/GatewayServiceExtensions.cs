using Microsoft.Extensions.Options;
using Cdm.Gateway.Errors;
using Cdm.Gateway.Ingestion;
using Cdm.Gateway.Profiles;
using Cdm.Gateway.Resilience;

namespace Cdm.Gateway.Hosting;

/// <summary>The gRPC gateway: services, error mapping, reflection and the standard health service.</summary>
public static class GatewayServiceExtensions
{
    public static IServiceCollection AddCdmGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection("Cdm:Gateway"));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return new TransientRetry(options.RetryAttempts, options.RetryFirstDelay, maxDelay: options.RetryMaxDelay);
        });
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            // Records are small; this bounds what one message may cost the server.
            options.MaxReceiveMessageSize = 1024 * 1024;
        });
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks().AddCheck<SiloHealthCheck>("silo");
        return services;
    }

    public static WebApplication MapCdmGateway(this WebApplication app)
    {
        app.MapGrpcService<IngestionService>();
        app.MapGrpcService<ProfilesService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }
}
