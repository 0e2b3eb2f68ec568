using System.Net;
using Cdm.Grains.Storage;
using Cdm.Operations.Dashboard;
using Cdm.Postgres.Audit;
using Cdm.Postgres.Hosting;
using Cdm.Postgres.Storage;
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
            silo.UseCdmClusterTls(builder.Configuration);
            // Membership timings (probe timeout, missed probes, ...) may be tuned under Cdm:Cluster:Membership.
            silo.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Cdm:Cluster:Membership"));
            silo.UseCdmPostgresClustering(cluster.ConnectionString);
            silo.UseCdmPostgresReminders(cluster.ConnectionString);
            silo.AddCdmGrains(builder.Configuration);
            UseStorage(silo, builder.Configuration, cluster);
            silo.UseCdmDashboard(builder.Configuration);
        });
        return builder;
    }

    /// <summary>
    /// <c>Cdm:Storage:Provider</c>: <c>GroupCommit</c> (default; many grains' writes per transaction, options under
    /// <c>Cdm:Storage:Postgres</c>) or <c>AdoNet</c> (Orleans' own provider, one transaction per write, no
    /// cross-reference scan). Both keep state in the cluster's database unless a connection string is given there.
    /// </summary>
    private static void UseStorage(ISiloBuilder silo, IConfiguration configuration, ClusterSettings cluster)
    {
        var provider = configuration["Cdm:Storage:Provider"] ?? "GroupCommit";
        var section = configuration.GetSection(PostgresStorageSiloBuilderExtensions.ConfigurationSection);
        var connectionString = string.IsNullOrWhiteSpace(section["ConnectionString"]) ? cluster.ConnectionString : section["ConnectionString"]!;
        silo.AddCdmPostgresAudit(connectionString);
        if (provider.Equals("AdoNet", StringComparison.OrdinalIgnoreCase))
        {
            silo.Services.AddSingleton<IGrainStateScanner, UnsupportedGrainStateScanner>();
            silo.AddCdmAdoNetPostgresStorage(StorageNames.Cdm, connectionString);
        }
        else if (provider.Equals("GroupCommit", StringComparison.OrdinalIgnoreCase))
        {
            silo.AddCdmPostgresStorage(StorageNames.Cdm, options =>
            {
                section.Bind(options);
                options.ConnectionString = connectionString;
            });
        }
        else
        {
            throw new InvalidOperationException($"Cdm:Storage:Provider is '{provider}'; use GroupCommit or AdoNet.");
        }
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
