using Cdm.Bench.Truth;

namespace Cdm.Bench.Load;

/// <summary>Every figure of one <c>run</c>, as printed and as written to <c>--json</c>.</summary>
public sealed record BenchReport
{
    public required string Gateway { get; init; }

    public required string Input { get; init; }

    public required long Warmup { get; init; }

    public required int Streams { get; init; }

    public required int InFlightPerStream { get; init; }

    public required IngestFigures Ingest { get; init; }

    /// <summary>Empty round trips at the load's stream count.</summary>
    public RoundTripFigures? EmptyRoundTrips { get; init; }

    /// <summary>Empty round trips at the load's total records in flight (streams x in-flight, at most 1024).</summary>
    public RoundTripFigures? EmptyRoundTripsWide { get; init; }

    public string? StorageDirectory { get; init; }

    public IReadOnlyList<StorageFigure> Storage { get; init; } = [];

    /// <summary>Server and database of the PostgreSQL measurement (no credentials).</summary>
    public string? PostgresTarget { get; init; }

    public IReadOnlyList<PostgresFigure> Postgres { get; init; } = [];

    public long? ServerPeakMemoryKib { get; init; }

    public PartitionReport? Verification { get; init; }

    /// <summary>Probabilistic matching during the load: "off", or the model trained and activated for it.</summary>
    public string Matching { get; init; } = "as configured on the server";

    /// <summary>Whether a model was trained and activated for the load, so profiles need not equal the identifier components.</summary>
    public bool MatchingOn { get; init; }

    /// <summary>Pairwise scores of the profiles against the generated people (with <c>--verify</c>).</summary>
    public Cdm.Cli.Evaluation.PairwiseMetrics? AgainstPeople { get; init; }

    /// <summary>The shadow re-resolution timed after the load (<c>--reresolve</c>).</summary>
    public ReResolveFigures? ReResolve { get; init; }

    /// <summary>Sustained records/s divided by each ceiling: how close ingestion comes to the transport and to the disk.</summary>
    public IReadOnlyDictionary<string, double> Ratios
    {
        get
        {
            var ratios = new Dictionary<string, double>();
            var rate = Ingest.SteadyRecordsPerSecond > 0 ? Ingest.SteadyRecordsPerSecond : Ingest.RecordsPerSecond;
            if (EmptyRoundTrips is { CallsPerSecond: > 0 } narrow)
            {
                ratios[$"records_per_empty_round_trip_c{narrow.Concurrency}"] = rate / narrow.CallsPerSecond;
            }

            if (EmptyRoundTripsWide is { CallsPerSecond: > 0 } wide)
            {
                ratios[$"records_per_empty_round_trip_c{wide.Concurrency}"] = rate / wide.CallsPerSecond;
            }

            foreach (var storage in Storage.Where(s => s.RowsPerSecond > 0))
            {
                ratios[$"records_per_sqlite_write_{storage.Synchronous.ToLowerInvariant()}_w{storage.Writers}"] = rate / storage.RowsPerSecond;
            }

            foreach (var postgres in Postgres.Where(p => p.RowsPerSecond > 0))
            {
                ratios[$"records_per_postgres_upsert_w{postgres.Writers}"] = rate / postgres.RowsPerSecond;
            }

            return ratios;
        }
    }
}
