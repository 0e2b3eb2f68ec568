using Cdm.Grains.Blocking.Rows;
using Cdm.Grains.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace Cdm.Silo.Storage;

/// <summary>Registers the grain storage of the embedded (single file SQLite) setup.</summary>
public static class SiloBuilderStorageExtensions
{
    /// <summary>The ADO.NET invariant under which Orleans loads Microsoft.Data.Sqlite.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>
    /// Adds <see cref="SqliteGroupCommitGrainStorage"/> under <paramref name="name"/>, and the same instance as the
    /// <see cref="IGrainStateScanner"/> and the <see cref="IBlockStore"/> (also keyed by <paramref name="name"/>).
    /// </summary>
    public static ISiloBuilder AddCdmSqliteStorage(this ISiloBuilder builder, string name, Action<SqliteGroupCommitOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(configure);

        var services = builder.Services;
        services.AddOptions<SqliteGroupCommitOptions>(name).Configure(configure);
        services.AddGrainStorage(name, SqliteGroupCommitGrainStorage.Create);
        services.AddKeyedSingleton<IGrainStateScanner>(name, (sp, key) => (SqliteGroupCommitGrainStorage)sp.GetRequiredKeyedService<IGrainStorage>(key));
        services.AddSingleton<IGrainStateScanner>(sp => sp.GetRequiredKeyedService<IGrainStateScanner>(name));
        services.AddKeyedSingleton<IBlockStore>(name, (sp, key) => (SqliteGroupCommitGrainStorage)sp.GetRequiredKeyedService<IGrainStorage>(key));
        return builder;
    }

    /// <summary>
    /// Adds Orleans' own ADO.NET grain storage on the SQLite file at <paramref name="databasePath"/>, with the
    /// project's schema script applied at silo start and states stored as System.Text.Json. Each write is its own
    /// transaction, so it is slower than <see cref="AddCdmSqliteStorage"/>; it has no <see cref="IGrainStateScanner"/>.
    /// </summary>
    public static ISiloBuilder AddCdmAdoNetSqliteStorage(this ISiloBuilder builder, string name, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);

        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();
        var services = builder.Services;
        services.AddKeyedSingleton(name, (_, _) => new AdoNetSqliteSchemaInitializer(name, databasePath));
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => sp.GetRequiredKeyedService<AdoNetSqliteSchemaInitializer>(name));
        return builder.AddAdoNetGrainStorage(name, options =>
        {
            options.Invariant = SqliteInvariant;
            options.ConnectionString = connectionString;
            options.GrainStorageSerializer = new SystemTextJsonGrainStorageSerializer(SystemTextJsonGrainStorageSerializer.CreateDefaultOptions());
        });
    }
}
