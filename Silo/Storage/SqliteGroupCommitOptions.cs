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

    /// <summary>Page cache of the writing connection, in MiB (SQLite's default is 2).</summary>
    public int WriterCacheMegabytes { get; set; } = 64;

    /// <summary>
    /// How long after a commit the checkpointer copies the log into the database file. Longer lets a page written
    /// by many batches be copied once; the log grows by what is committed meanwhile.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Size of the write-ahead log, in MiB, above which the checkpointer makes the writer wait until the log is
    /// copied and can start over. Below it, checkpoints never hold up a commit.
    /// </summary>
    public int MaxWalMegabytes { get; set; } = 256;

    /// <summary>How states are turned into stored JSON.</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = SystemTextJsonGrainStorageSerializer.CreateDefaultOptions();

    /// <summary>
    /// Size of the in-memory filter of stored keys, as a power of two of bits (27: 16 MiB, about 1% needless
    /// reads up to 10 million rows); reads of keys it rules out skip SQLite. 0 turns the filter off.
    /// </summary>
    public int KeyFilterBitsLog2 { get; set; } = 27;

    internal void Validate()
    {
        if (KeyFilterBitsLog2 is not 0 and (< 10 or > 34))
        {
            throw new ArgumentOutOfRangeException(nameof(KeyFilterBitsLog2), KeyFilterBitsLog2, "Use 0 (off) or 10 to 34.");
        }

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
        ArgumentOutOfRangeException.ThrowIfLessThan(WriterCacheMegabytes, 1, nameof(WriterCacheMegabytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(CheckpointInterval, TimeSpan.Zero, nameof(CheckpointInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxWalMegabytes, 1, nameof(MaxWalMegabytes));
        ArgumentNullException.ThrowIfNull(JsonSerializerOptions, nameof(JsonSerializerOptions));
    }
}
