using Cdm.Postgres.Hosting;
using Cdm.Silo.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Orleans.Configuration;

namespace Cdm.Gateway.Hosting;

/// <summary>
/// A gateway of the production cluster (<c>Cdm:Mode=Cluster</c>): an Orleans client that finds the silos through
/// the cluster's PostgreSQL membership table. It keeps no state, so any number of them may run behind a load
/// balancer; a record whose call fails for a transient reason is sent again, which ingest's idempotence makes safe.
/// </summary>
public static class ClusterGatewayExtensions
{
    public static WebApplicationBuilder AddCdmClusterGateway(this WebApplicationBuilder builder, ClusterSettings cluster)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(EmbeddedHostExtensions.DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            client.UseCdmPostgresClustering(cluster.ConnectionString);
            client.UseCdmClusterTls(builder.Configuration);
            // A gateway may start before any silo: keep trying until one answers (readiness says not yet).
            client.UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
        });
        builder.Services.AddCdmGateway(builder.Configuration);
        return builder;
    }
}
