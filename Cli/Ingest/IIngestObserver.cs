using Cdm.Api.V1;

namespace Cdm.Cli.Ingest;

/// <summary>
/// Told about every result of an <see cref="IngestStreamDriver"/> run. Called from several streams at
/// once, so implementations must be thread-safe.
/// </summary>
public interface IIngestObserver
{
    /// <summary>A result arrived for the record sent with <paramref name="tag"/>.</summary>
    /// <param name="sentAt">The <see cref="System.Diagnostics.Stopwatch"/> timestamp taken just before the record was written.</param>
    void OnResult(long tag, IngestResult result, long sentAt);

    /// <summary>The stream ended without a result for this record: its outcome is unknown.</summary>
    void OnNoResult(long tag);
}
