using Cdm.Silo.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cdm.UnitTests.Storage;

/// <summary>Group commit storages on a test's own database file.</summary>
internal static class TestStorages
{
    public static SqliteGroupCommitGrainStorage Create(TempDatabase database, Action<SqliteGroupCommitOptions>? configure = null)
    {
        var options = new SqliteGroupCommitOptions { DatabasePath = database.DatabasePath };
        configure?.Invoke(options);
        return new SqliteGroupCommitGrainStorage("test", options, TestActivators.Instance, NullLogger<SqliteGroupCommitGrainStorage>.Instance);
    }

    public static async Task<SqliteGroupCommitGrainStorage> StartAsync(TempDatabase database, Action<SqliteGroupCommitOptions>? configure = null)
    {
        var storage = Create(database, configure);
        await storage.StartAsync();
        return storage;
    }
}
