using System.Diagnostics;
using Cdm.Api.V1;
using Cdm.Cli.Ingest;
using HdrHistogram;

namespace Cdm.Bench.Load;

/// <summary>
/// Records, for each record of a load run, the time from its send to its result and when the result
/// came; tags are the records' positions 0..n-1 in the run.
/// </summary>
public sealed class LatencyObserver(long records) : IIngestObserver
{
    // Microseconds up to an hour, three significant digits.
    private readonly LongHistogram latencies = new(1, 3_600_000_000L, 3);
    private readonly long[] completedAt = new long[records];
    private readonly long[] statuses = new long[Enum.GetValues<IngestStatus>().Max(s => (int)s) + 1];
    private long noResult;

    public void OnResult(long tag, IngestResult result, long sentAt)
    {
        var now = Stopwatch.GetTimestamp();
        completedAt[tag] = now;
        var micros = Math.Max(1, (long)Stopwatch.GetElapsedTime(sentAt, now).TotalMicroseconds);
        lock (latencies)
        {
            latencies.RecordValue(Math.Min(micros, latencies.HighestTrackableValue));
        }

        var status = (int)result.Status;
        Interlocked.Increment(ref statuses[status < statuses.Length ? status : 0]);
    }

    public void OnNoResult(long tag) => Interlocked.Increment(ref noResult);

    /// <summary>The figures of the run that started at <paramref name="startedAt"/> (a Stopwatch timestamp).</summary>
    public IngestFigures Figures(long startedAt, string? error)
    {
        var done = completedAt.Where(t => t != 0).Order().ToArray();
        var seconds = done.Length == 0 ? 0 : Stopwatch.GetElapsedTime(startedAt, done[^1]).TotalSeconds;
        var names = Enum.GetValues<IngestStatus>().Where(s => s != IngestStatus.Unspecified)
            .ToDictionary(s => s.ToString().ToLowerInvariant(), s => Interlocked.Read(ref statuses[(int)s]));
        lock (latencies)
        {
            double Ms(double percentile) => latencies.TotalCount == 0 ? 0 : latencies.GetValueAtPercentile(percentile) / 1000.0;
            return new IngestFigures(
                completedAt.Length,
                done.Length,
                seconds,
                seconds > 0 ? done.Length / seconds : 0,
                SteadyRate(done),
                Ms(50),
                Ms(95),
                Ms(99),
                latencies.TotalCount == 0 ? 0 : latencies.GetMaxValue() / 1000.0,
                names,
                names.GetValueOrDefault("rejected"),
                Interlocked.Read(ref noResult),
                error);
        }
    }

    /// <summary>
    /// The rate between the 10th and the 90th percentile of completions: leaves out the ramp-up while
    /// streams open and caches fill, and the tail where fewer records are in flight.
    /// </summary>
    public static double SteadyRate(long[] sortedCompletions)
    {
        if (sortedCompletions.Length < 10)
        {
            return 0;
        }

        var (from, to) = (sortedCompletions.Length / 10, sortedCompletions.Length * 9 / 10);
        var seconds = Stopwatch.GetElapsedTime(sortedCompletions[from], sortedCompletions[to]).TotalSeconds;
        return seconds > 0 ? (to - from) / seconds : 0;
    }
}
