using Npgsql;

namespace Cdm.Postgres.Storage;

/// <summary>The two connection pools of <see cref="PostgresGroupCommitGrainStorage"/>: one for reads, one for its writers.</summary>
internal static class PostgresDataSources
{
    // Every statement of the storage is one of a handful, run thousands of times a second: prepare them once per connection.
    private const int AutoPreparedStatements = 16;

    /// <summary>Batches of point reads and scan pages; each borrows a connection for one query.</summary>
    public static NpgsqlDataSource ForReads(PostgresGroupCommitOptions options) => Build(options, options.ReadPoolSize, "cdm-grain-reads");

    /// <summary>One long-lived connection per writer.</summary>
    public static NpgsqlDataSource ForWrites(PostgresGroupCommitOptions options) => Build(options, options.WriterCount, "cdm-grain-writes");

    private static NpgsqlDataSource Build(PostgresGroupCommitOptions options, int poolSize, string applicationName)
    {
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        var settings = builder.ConnectionStringBuilder;
        settings.MaxPoolSize = poolSize;
        settings.MinPoolSize = Math.Min(settings.MinPoolSize, poolSize);
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = AutoPreparedStatements;
        }

        // Reads change no session state, and the writers' only change (synchronous_commit=on) is wanted on every
        // writer connection, so returning a connection to its pool needs no reset.
        settings.NoResetOnClose = true;
        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = applicationName;
        }

        return builder.Build();
    }
}
