using Cdm.Silo.Storage;
using Npgsql;

namespace Cdm.Postgres.Hosting;

/// <summary>
/// The cluster mode on PostgreSQL through Orleans' ADO.NET providers: membership (silos) and the gateway list
/// (clients), reminders, and optionally Orleans' own grain storage. The database must be migrated first
/// (<c>cdm db migrate</c>): the providers read their SQL from the schema's <c>orleansquery</c> table at start.
/// </summary>
public static class PostgresClusterExtensions
{
    /// <summary>
    /// The ADO.NET invariant of Npgsql. Orleans maps it to <see cref="NpgsqlFactory"/> itself and loads it with
    /// <c>Assembly.Load("Npgsql")</c>, so nothing needs registering with DbProviderFactories; this assembly's
    /// reference to Npgsql is what puts the driver next to every host that uses these methods.
    /// </summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>Cluster membership in PostgreSQL (schema step 0002). The cluster is <c>ClusterOptions.ClusterId</c>.</summary>
    public static ISiloBuilder UseCdmPostgresClustering(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ThrowIfNotNpgsql(connectionString);
        return builder.UseAdoNetClustering(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>Finds the cluster's gateways (Active silos) in the same membership table the silos use.</summary>
    public static IClientBuilder UseCdmPostgresClustering(this IClientBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ThrowIfNotNpgsql(connectionString);
        return builder.UseAdoNetClustering(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>Durable reminders in PostgreSQL (schema step 0004), shared by all silos of the service.</summary>
    public static ISiloBuilder UseCdmPostgresReminders(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ThrowIfNotNpgsql(connectionString);
        return builder.UseAdoNetReminderService(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>
    /// Orleans' own ADO.NET grain storage under <paramref name="name"/> (schema step 0003), with states stored as
    /// System.Text.Json like the rest of CdmOrleans, so rows carry pinned type names and no Orleans wire format.
    /// Each write is its own statement and commit. It cannot list states, so it offers no <c>IGrainStateScanner</c>.
    /// </summary>
    public static ISiloBuilder AddCdmAdoNetPostgresStorage(this ISiloBuilder builder, string name, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ThrowIfNotNpgsql(connectionString);
        return builder.AddAdoNetGrainStorage(name, options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
            options.GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer(SystemTextJsonGrainStorageSerializer.CreateDefaultOptions());
        });
    }

    // A malformed string fails here, where the caller configures the silo, not at start inside a provider.
    private static void ThrowIfNotNpgsql(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _ = new NpgsqlConnectionStringBuilder(connectionString);
    }
}
