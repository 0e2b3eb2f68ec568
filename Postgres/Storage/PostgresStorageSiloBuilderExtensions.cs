using Cdm.Postgres.Audit;
using Cdm.Grains.Blocking.Rows;
using Cdm.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Cdm.Postgres.Storage;

/// <summary>Registers the grain storage of the cluster mode (PostgreSQL).</summary>
public static class PostgresStorageSiloBuilderExtensions
{
    /// <summary>The configuration section bound to <see cref="PostgresGroupCommitOptions"/>.</summary>
    public const string ConfigurationSection = "Cdm:Storage:Postgres";

    /// <summary>
    /// Adds <see cref="PostgresGroupCommitGrainStorage"/> under <paramref name="name"/>, and the same instance as the
    /// <see cref="IGrainStateScanner"/> and the <see cref="IBlockStore"/> (also keyed by <paramref name="name"/>). The schema
    /// must be applied first (<c>Cdm.Postgres.Migrations.SchemaMigrator</c>); the storage refuses to start without its tables.
    /// </summary>
    public static ISiloBuilder AddCdmPostgresStorage(this ISiloBuilder builder, string name, Action<PostgresGroupCommitOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        var services = builder.Services;
        services.AddOptions<PostgresGroupCommitOptions>(name).Configure(configure);
        services.AddGrainStorage(name, PostgresGroupCommitGrainStorage.Create);
        services.AddKeyedSingleton<IGrainStateScanner>(name, (sp, key) => (PostgresGroupCommitGrainStorage)sp.GetRequiredKeyedService<IGrainStorage>(key));
        services.AddSingleton<IGrainStateScanner>(sp => sp.GetRequiredKeyedService<IGrainStateScanner>(name));
        services.AddKeyedSingleton<IBlockStore>(name, (sp, key) => (PostgresGroupCommitGrainStorage)sp.GetRequiredKeyedService<IGrainStorage>(key));
        return builder;
    }

    /// <summary>The grains' storage (<see cref="StorageNames.Cdm"/>) on PostgreSQL, with its options from <c>Cdm:Storage:Postgres</c>.</summary>
    public static ISiloBuilder UseCdmPostgresStorage(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ConfigurationSection);
        builder.AddCdmPostgresAudit(section["ConnectionString"] ?? throw new InvalidOperationException($"{ConfigurationSection}:ConnectionString is not set."));
        return builder.AddCdmPostgresStorage(StorageNames.Cdm, section.Bind);
    }
}
