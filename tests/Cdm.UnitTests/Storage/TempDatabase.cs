using Microsoft.Data.Sqlite;

namespace Cdm.UnitTests.Storage;

/// <summary>A fresh folder for one test's SQLite file, deleted with everything in it afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cdm-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        DatabasePath = Path.Combine(Folder, "grains.db");
    }

    public string Folder { get; }

    public string DatabasePath { get; }

    /// <summary>A plain connection to the file for inspecting or damaging it behind the storage's back.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        // Pooled connections of Orleans' ADO.NET provider keep the file open until the pool is cleared.
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
