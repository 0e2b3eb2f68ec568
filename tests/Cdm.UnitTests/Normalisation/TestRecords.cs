using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Microsoft.Extensions.Time.Testing;

namespace Cdm.UnitTests.Normalisation;

/// <summary>Records and a clock for the normalisation tests.</summary>
internal static class TestRecords
{
    /// <summary>The fixed "now" of every test: 2025-06-15T12:00:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    public static IncomingRecord Incoming(
        IEnumerable<KeyValuePair<string, string>>? attributes = null,
        IEnumerable<ExternalIdentifier>? identifiers = null,
        string source = "crm",
        string recordId = "r-1",
        DateTimeOffset? observedAt = null) =>
        new(
            source,
            recordId,
            observedAt,
            (attributes ?? []).ToImmutableDictionary(),
            (identifiers ?? []).ToImmutableArray());

    public static KeyValuePair<string, string> Attr(string name, string value) => new(name, value);

    public static ExternalIdentifier Id(string type, string value) => new(type, value);
}
