using Cdm.Bench.Generation;

namespace Cdm.Bench.Load;

/// <summary>What <c>run</c> was asked to do.</summary>
public sealed record LoadSettings
{
    public required string Gateway { get; init; }

    public required long Records { get; init; }

    /// <summary>True when <c>--records</c> was given: a file then sends only its first warm-up plus that many records.</summary>
    public bool RecordsGiven { get; init; }

    public required long Warmup { get; init; }

    public required int Streams { get; init; }

    public required int InFlight { get; init; }

    public required int Seed { get; init; }

    public required PhoneRegion Region { get; init; }

    /// <summary>JSON Lines of records to send instead of generated ones.</summary>
    public string? File { get; init; }

    public required TimeSpan CeilingDuration { get; init; }

    public required TimeSpan StorageDuration { get; init; }

    public string? DataDirectory { get; init; }

    /// <summary>A PostgreSQL database to measure single-row durable upserts on, next to SQLite.</summary>
    public string? PostgresConnectionString { get; init; }

    public int? ServerProcessId { get; init; }

    public string? EmbeddedServerDll { get; init; }

    public string? JsonPath { get; init; }

    public string? TruthPath { get; init; }

    public bool Verify { get; init; }

    /// <summary>Train a match model on the records and activate it before the load (probabilistic matching on).</summary>
    public bool TrainModel { get; init; }

    /// <summary>After the load, time a shadow re-resolution of every profile with the active model.</summary>
    public bool ReResolve { get; init; }
}
