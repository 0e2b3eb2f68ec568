using Cdm.Operations.Dashboard;
using Cdm.Operations.Endpoints;
using Cdm.Operations.Health;
using Cdm.Operations.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Orleans.Dashboard;

namespace Cdm.Operations;

/// <summary>
/// What every CdmOrleans process offers its operators: <c>/healthz</c> (liveness), <c>/readyz</c> (readiness),
/// <c>/metrics</c> (Prometheus) and, on a silo that enables it, <c>/dashboard</c>; and console logs as text or JSON.
/// </summary>
public static class OperationsExtensions
{
    /// <summary>The meters exported besides ASP.NET Core's and the runtime's: the service's own and Orleans'.</summary>
    private static readonly string[] Meters = ["CdmOrleans", "CdmOrleans.*", "Microsoft.Orleans"];

    /// <summary>
    /// Sets up logs, metrics and readiness from <c>Cdm:Operations</c>. <paramref name="role"/> (embedded, silo,
    /// gateway) is exported with the metrics as the resource attribute <c>cdm.role</c>. With
    /// <c>Cdm:Operations:Urls</c> set, call this after the main URLs are chosen: they are bound in code from then on.
    /// </summary>
    public static WebApplicationBuilder AddCdmOperations(this WebApplicationBuilder builder, string role)
    {
        var options = builder.Configuration.GetSection(OperationsOptions.Section).Get<OperationsOptions>() ?? new OperationsOptions();
        var port = new OperationsPort(options.Urls);
        builder.Services.AddSingleton(port);
        builder.Logging.UseCdmLogFormat(options.LogFormat);
        builder.Services.AddCdmReadiness();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService("cdm-orleans")
                .AddAttributes([new("cdm.role", role)]))
            .WithMetrics(metrics => metrics
                .AddMeter(Meters)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (port.IsSet)
        {
            builder.ListenOnOperationsPort(port);
        }

        return builder;
    }

    /// <summary>Maps the operations endpoints: on the operations port only when there is one, else on the main URLs.</summary>
    public static WebApplication MapCdmOperations(this WebApplication app)
    {
        var port = app.Services.GetRequiredService<OperationsPort>();
        OnOperationsPort(app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }), port);
        OnOperationsPort(app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthReportJson.WriteAsync,
        }), port);
        OnOperationsPort(app.MapPrometheusScrapingEndpoint("/metrics"), port);
        if (app.Services.GetService<DashboardEnabled>() is not null)
        {
            OnOperationsPort(app.MapOrleansDashboard("/dashboard"), port);
        }

        return app;
    }

    /// <summary>The addresses the server listens on, without the operations port: where the service itself answers.</summary>
    public static IEnumerable<string> ServiceUrls(this WebApplication app)
    {
        var port = app.Services.GetRequiredService<OperationsPort>();
        return app.Urls.Where(url => !port.Ports.Contains(BindingAddress.Parse(url).Port));
    }

    private static void OnOperationsPort(IEndpointConventionBuilder endpoints, OperationsPort port)
    {
        if (port.IsSet)
        {
            endpoints.WithMetadata(new LocalPortMetadata(port.Ports));
        }
    }

    /// <summary>
    /// Kestrel listens either on the hosting URLs or on endpoints given in code, never both. So the main URLs
    /// move to code beside the operations port, and the host is left no URL to hand Kestrel (which would warn
    /// that it overrides them).
    /// </summary>
    private static void ListenOnOperationsPort(this WebApplicationBuilder builder, OperationsPort port)
    {
        var main = KestrelUrls.HostingUrls(builder.Configuration);
        // An empty "urls" would make the host fall back to the URLs it read when the builder was created;
        // a list without entries does not.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, ";");
        builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, "");
        builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, "");
        // After every ConfigureKestrel: the main endpoints take the host's endpoint defaults (HTTP/2 only for
        // the gRPC gateway), the operations port is HTTP/1.1 so curl, probes and Prometheus reach it.
        builder.Services.PostConfigure<KestrelServerOptions>(kestrel =>
        {
            foreach (var address in main)
            {
                KestrelUrls.Listen(kestrel, address, _ => { });
            }

            foreach (var address in port.Addresses)
            {
                KestrelUrls.Listen(kestrel, address, listen => listen.Protocols = HttpProtocols.Http1);
            }
        });
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, LocalPortMatcherPolicy>());
    }
}
