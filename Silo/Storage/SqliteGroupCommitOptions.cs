using System.Text.Json;

namespace Cdm.Silo.Storage;

/// <summary>Settings of <see cref="SqliteGroupCommitGrainStorage"/>.</summary>
public sealed class SqliteGroupCommitOptions
{
    /// <summary>Path of the SQLite database file; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>
    /// Durability of a commit. Full by default: one fsync per batch is cheap with group commit, and a write
    /// is acknowledged as durable, so it must survive a power loss.
    /// </summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>Most writes committed in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>
    /// How long the writer waits for more writes after the first one of a batch before it commits. Zero commits
    /// whatever is queued at once; writes that arrive during a commit still join the next batch.
    /// </summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How long a connection waits on a lock held by another connection before it fails.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);


    /// <summary>How states are turned into stored JSON.</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = SystemTextJsonGrainStorageSerializer.CreateDefaultOptions();

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new ArgumentException($"{nameof(DatabasePath)} is required.", nameof(DatabasePath));
        }

        if (!Enum.IsDefined(Synchronous))
        {
            throw new ArgumentOutOfRangeException(nameof(Synchronous), Synchronous, "Unknown synchronous mode.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchDelay, TimeSpan.Zero, nameof(MaxBatchDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.Zero, nameof(BusyTimeout));
        ArgumentNullException.ThrowIfNull(JsonSerializerOptions, nameof(JsonSerializerOptions));
    }
}
