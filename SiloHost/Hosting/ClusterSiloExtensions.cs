using System.Net;
using Cdm.Grains.Storage;
using Cdm.Operations.Dashboard;
using Cdm.Postgres.Hosting;
using Cdm.Silo.Hosting;
using Orleans.Configuration;

namespace Cdm.SiloHost.Hosting;

/// <summary>
/// A silo of the production cluster: membership, reminders and grain state in PostgreSQL, endpoints from
/// <see cref="SiloEndpointSettings"/>. Every value comes from configuration, so a container sets it through
/// environment variables (<c>Cdm__Cluster__ConnectionString</c>, <c>Cdm__Silo__SiloPort</c>, ...).
/// </summary>
public static class ClusterSiloExtensions
{
    public static WebApplicationBuilder AddCdmClusterSilo(this WebApplicationBuilder builder, ClusterSettings cluster)
    {
        var endpoints = new SiloEndpointSettings();
        builder.Configuration.GetSection(SiloEndpointSettings.Section).Bind(endpoints);
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = cluster.ClusterId;
                options.ServiceId = cluster.ServiceId;
            });
            ConfigureEndpoints(silo, endpoints);
            // Membership timings (probe timeout, missed probes, ...) may be tuned under Cdm:Cluster:Membership.
            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Cdm:Cluster:Membership"));
            silo.UseCdmPostgresClustering(cluster.ConnectionString);
            silo.UseCdmPostgresReminders(cluster.ConnectionString);
            silo.AddCdmGrains(builder.Configuration);
            silo.Services.AddSingleton<IGrainStateScanner, UnsupportedGrainStateScanner>();
            silo.AddCdmAdoNetPostgresStorage(StorageNames.Cdm, cluster.ConnectionString);
            silo.UseCdmDashboard(builder.Configuration);
        });
        return builder;
    }

    private static void ConfigureEndpoints(ISiloBuilder silo, SiloEndpointSettings endpoints)
    {
        var advertised = string.IsNullOrWhiteSpace(endpoints.AdvertisedAddress) ? Dns.GetHostName() : endpoints.AdvertisedAddress;
        // Listen on every interface: in a container the advertised address is the container's, behind NAT it is not ours.
        if (IPAddress.TryParse(advertised, out var address))
        {
            silo.ConfigureEndpoints(address, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(advertised, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: true);
        }
    }
}
