using System.Text.Json;
using Cdm.Silo.Storage;

namespace Cdm.Postgres.Storage;

/// <summary>Settings of <see cref="PostgresGroupCommitGrainStorage"/>, bound from <c>Cdm:Storage:Postgres</c>.</summary>
public sealed class PostgresGroupCommitOptions
{
    /// <summary>Npgsql connection string of the database that holds <c>cdm_grain_state</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The service whose rows this storage reads and writes; several clusters may share one database. Empty takes
    /// the silo's <c>ClusterOptions.ServiceId</c>.
    /// </summary>
    public string ServiceId { get; set; } = "";

    /// <summary>Most writes committed in one transaction, and most point reads in one statement.</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>
    /// How long a writer waits for more writes after the first one of a batch before it commits. Zero commits
    /// whatever is queued at once; writes that arrive during a commit join the next batch.
    /// </summary>
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Batches in flight at once, each on its own connection. While one batch waits for its commit to reach the
    /// disk, the next is already being sent, so the server's WAL flush covers several batches.
    /// </summary>
    public int WriterCount { get; set; } = 2;

    /// <summary>
    /// Read batches in flight at once. Point reads are grouped like writes: each reader takes what is queued (up to
    /// <see cref="MaxBatchSize"/>) and reads it with one statement.
    /// </summary>
    public int ReaderCount { get; set; } = 2;

    /// <summary>Most pooled connections for reads and scans (per silo); at least <see cref="ReaderCount"/>.</summary>
    public int ReadPoolSize { get; set; } = 8;

    /// <summary>How states are turned into stored JSON.</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = SystemTextJsonGrainStorageSerializer.CreateDefaultOptions();

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException($"{nameof(ConnectionString)} is required.", nameof(ConnectionString));
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            throw new ArgumentException($"{nameof(ServiceId)} is required.", nameof(ServiceId));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchSize, 1, nameof(MaxBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBatchDelay, TimeSpan.Zero, nameof(MaxBatchDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(WriterCount, 1, nameof(WriterCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WriterCount, 16, nameof(WriterCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReaderCount, 1, nameof(ReaderCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ReaderCount, 16, nameof(ReaderCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReadPoolSize, ReaderCount, nameof(ReadPoolSize));
        ArgumentNullException.ThrowIfNull(JsonSerializerOptions, nameof(JsonSerializerOptions));
    }
}
