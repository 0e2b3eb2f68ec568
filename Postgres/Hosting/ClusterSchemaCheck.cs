using Cdm.Postgres.Migrations;
using Microsoft.Extensions.Logging;

namespace Cdm.Postgres.Hosting;

/// <summary>
/// Run before a silo joins: the schema must be at the version this build ships. A silo does not upgrade it
/// silently (the operator runs <c>cdm db migrate</c>, or a one-shot job does) unless told to with
/// <see cref="ClusterSettings.MigrateOnStart"/>.
/// </summary>
public static class ClusterSchemaCheck
{
    public static async Task EnsureAsync(ClusterSettings settings, ILogger logger, CancellationToken cancellationToken = default)
    {
        var migrator = new SchemaMigrator();
        if (settings.MigrateOnStart)
        {
            var report = await migrator.MigrateAsync(settings.ConnectionString, cancellationToken);
            logger.LogInformation("Schema at version {Version}; applied now: {Applied}", report.SchemaVersion,
                report.Applied.Count == 0 ? "nothing" : string.Join(", ", report.Applied.Select(m => $"{m.Version:D4}-{m.Name}")));
            return;
        }

        var status = await migrator.StatusAsync(settings.ConnectionString, cancellationToken);
        if (!status.UpToDate)
        {
            throw new InvalidOperationException(
                $"The cluster database schema is at version {status.SchemaVersion}; this build needs {status.LatestVersion}" +
                (status.Edited.Count > 0 ? $" and step {status.Edited[0].Version:D4}-{status.Edited[0].Name} differs from what was applied" : "") +
                ". Run `cdm db migrate` (or set Cdm:Cluster:MigrateOnStart=true) first.");
        }
    }
}
