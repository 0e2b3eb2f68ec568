using System.Text.Json;
using Cdm.Bench.Truth;
using System.Text.Json.Serialization;

namespace Cdm.Bench.Load;

/// <summary>Prints a <see cref="BenchReport"/> for people and writes it as JSON for scripts.</summary>
public static class BenchReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void WriteJson(string path, BenchReport report) =>
        File.WriteAllText(path, JsonSerializer.Serialize(report, JsonOptions));

    public static void WriteText(TextWriter output, BenchReport report)
    {
        var ingest = report.Ingest;
        output.WriteLine($"gateway {report.Gateway}; input {report.Input}; warm-up {report.Warmup:N0} records");
        output.WriteLine($"ingest: {report.Streams} streams x {report.InFlightPerStream} in flight; probabilistic matching {report.Matching}");
        output.WriteLine($"  records          {ingest.Completed:N0} of {ingest.Sent:N0} answered in {ingest.Seconds:N2} s");
        output.WriteLine($"  records/s        {ingest.RecordsPerSecond:N0} overall, {ingest.SteadyRecordsPerSecond:N0} steady (10th to 90th percentile of completions)");
        output.WriteLine($"  latency ms       p50 {ingest.P50Ms:N2}  p95 {ingest.P95Ms:N2}  p99 {ingest.P99Ms:N2}  max {ingest.MaxMs:N2}");
        output.WriteLine($"  outcomes         {string.Join(", ", ingest.Statuses.Where(s => s.Value > 0).Select(s => $"{s.Key} {s.Value:N0}"))}");
        output.WriteLine($"  errors           rejected {ingest.Rejected:N0}, no result {ingest.NoResult:N0}{(ingest.Error is null ? "" : $", {ingest.Error}")}");

        foreach (var trips in new[] { report.EmptyRoundTrips, report.EmptyRoundTripsWide }.OfType<RoundTripFigures>())
        {
            output.WriteLine(trips.Error is null
                ? $"empty round trips (health Check), {trips.Concurrency} concurrent: {trips.CallsPerSecond:N0}/s"
                : $"empty round trips, {trips.Concurrency} concurrent: not measured ({trips.Error})");
        }

        if (report.Storage.Count > 0)
        {
            output.WriteLine($"SQLite single-row durable writes (WAL, 1 KB rows, one transaction per row) in {report.StorageDirectory}:");
            foreach (var storage in report.Storage)
            {
                output.WriteLine(storage.Error is null
                    ? $"  synchronous={storage.Synchronous,-6} {storage.Writers,2} writer(s): {storage.RowsPerSecond:N0} rows/s"
                    : $"  synchronous={storage.Synchronous,-6} {storage.Writers,2} writer(s): failed ({storage.Error})");
            }
        }

        if (report.Postgres.Count > 0)
        {
            output.WriteLine($"PostgreSQL single-row durable upserts (1 KB rows, one transaction per row) on {report.PostgresTarget}:");
            foreach (var postgres in report.Postgres)
            {
                output.WriteLine(postgres.Error is null
                    ? $"  {postgres.Writers,2} writer(s): {postgres.RowsPerSecond:N0} rows/s"
                    : $"  {postgres.Writers,2} writer(s): failed ({postgres.Error})");
            }
        }

        output.WriteLine(report.ServerPeakMemoryKib is { } kib
            ? $"server peak memory (VmHWM): {kib / 1024.0:N1} MiB"
            : "server peak memory: not measured (give --server-pid or --start-embedded)");

        foreach (var (name, value) in report.Ratios)
        {
            output.WriteLine($"ratio {name}: {value:N3}");
        }

        if (report.Verification is { } verification)
        {
            if (report.MatchingOn)
            {
                // Probabilistic links join records that share no identifier: the components are no longer the target.
                output.WriteLine("verify: matching on, so profiles are not expected to equal the identifier components; pairwise scores:");
                var m = verification.Metrics;
                output.WriteLine($"  against the identifier components: precision {m.Precision:F4}, recall {m.Recall:F4}, F1 {m.F1:F4}; " +
                                 $"{verification.Missing:N0} records in no profile");
            }
            else
            {
                VerificationWriter.WriteText(output, verification);
            }
        }

        if (report.AgainstPeople is { } people)
        {
            output.WriteLine($"  against the generated people: precision {people.Precision:F4}, recall {people.Recall:F4}, F1 {people.F1:F4} " +
                             $"({people.TrueEntities:N0} people, {people.PredictedProfiles:N0} profiles)");
        }

        if (report.ReResolve is { } reResolve)
        {
            ReResolveTiming.WriteText(output, reResolve);
        }
    }
}
