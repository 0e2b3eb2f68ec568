using Microsoft.Extensions.Configuration;

namespace Cdm.Postgres.Hosting;

/// <summary>
/// Where a cluster keeps its shared state and how its members recognise each other (configuration section
/// <c>Cdm:Cluster</c>, e.g. the environment variable <c>Cdm__Cluster__ConnectionString</c>). Silos and gateways of
/// one cluster use the same values.
/// </summary>
public sealed class ClusterSettings
{
    public const string Section = "Cdm:Cluster";

    /// <summary>Npgsql connection string of the cluster's PostgreSQL database (membership, reminders, grain state).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Names one deployment; silos and gateways join only members with the same id (blue/green share a database).</summary>
    public string ClusterId { get; set; } = "cdm";

    /// <summary>Names the service across deployments: grain state and reminders are keyed by it, so keep it stable.</summary>
    public string ServiceId { get; set; } = "cdm";

    /// <summary>When true, a silo creates or upgrades the schema at start instead of refusing an old one.</summary>
    public bool MigrateOnStart { get; set; }

    public static ClusterSettings From(IConfiguration configuration)
    {
        var settings = new ClusterSettings();
        configuration.GetSection(Section).Bind(settings);
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException($"{Section}:ConnectionString is not set: the cluster needs its PostgreSQL database.");
        }

        return settings;
    }
}
