using Microsoft.Data.Sqlite;
using Orleans.Configuration;

namespace Cdm.Silo.Storage;

/// <summary>
/// Applies <c>deploy/sql/sqlite/orleans-persistence.sql</c> (embedded in this assembly) to the database of an
/// Orleans ADO.NET grain storage, just before that storage reads its queries from it. The script is idempotent.
/// </summary>
internal sealed class AdoNetSqliteSchemaInitializer(string name, string databasePath) : ILifecycleParticipant<ISiloLifecycle>
{
    internal const string ScriptResourceName = "Cdm.Silo.Storage.orleans-persistence.sql";

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(
            $"{nameof(AdoNetSqliteSchemaInitializer)}-{name}",
            AdoNetGrainStorageOptions.DEFAULT_INIT_STAGE - 1,
            _ => Task.Run(Apply));

    /// <summary>Creates the folder, switches the file to WAL and creates or updates the tables and queries.</summary>
    public void Apply()
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = ReadScript();
        command.ExecuteNonQuery();
    }

    internal static string ReadScript()
    {
        using var stream = typeof(AdoNetSqliteSchemaInitializer).Assembly.GetManifestResourceStream(ScriptResourceName)
            ?? throw new InvalidOperationException($"The embedded script '{ScriptResourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
