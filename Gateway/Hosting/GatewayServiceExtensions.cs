using Cdm.Gateway.Consent;
using Cdm.Gateway.Diagnostics;
using Cdm.Gateway.Errors;
using Cdm.Gateway.Ingestion;
using Cdm.Gateway.Matching;
using Cdm.Gateway.Profiles;
using Cdm.Gateway.Stewardship;
using Cdm.Gateway.Resilience;
using Cdm.Gateway.Security;
using Cdm.Grains.Consent;
using Cdm.Operations.Health;
using Cdm.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cdm.Gateway.Hosting;

/// <summary>The gRPC gateway: services, error mapping, reflection and the standard health service.</summary>
public static class GatewayServiceExtensions
{
    public static IServiceCollection AddCdmGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GatewayOptions>().Bind(configuration.GetSection("Cdm:Gateway"));
        services.AddOptions<ConsentOptions>().Bind(configuration.GetSection(ConsentOptions.SectionName))
            .Validate(static o => o.IsValid(), ConsentOptions.MalformedMessage)
            .ValidateOnStart();
        services.AddCdmPrivacy(configuration);
        services.AddCdmAuth(configuration);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return new TransientRetry(options.RetryAttempts, options.RetryFirstDelay, maxDelay: options.RetryMaxDelay, metrics: sp.GetRequiredService<GatewayMetrics>());
        });
        services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorMappingInterceptor>();
            options.Interceptors.Add<CallerInterceptor>();
            // Records are small; this bounds what one message may cost the server.
            options.MaxReceiveMessageSize = 1024 * 1024;
        });
        services.AddGrpcReflection();
        // The standard health service says SERVING exactly when /readyz says ready: both run the checks tagged ready.
        services.AddCdmReadiness();
        services.AddGrpcHealthChecks(health => health.Services.Map("", check => check.Tags.Contains(HealthTags.Ready)));
        return services;
    }

    public static WebApplication MapCdmGateway(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<IngestionService>();
        app.MapGrpcService<ProfilesService>();
        app.MapGrpcService<StewardshipService>();
        app.MapGrpcService<ModelsService>();
        app.MapGrpcService<ConsentService>();
        app.MapGrpcService<AccessService>();
        app.MapGrpcService<AuditService>();
        app.MapGrpcService<PrivacyService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }
}
