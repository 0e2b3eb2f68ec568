using System.Collections.Immutable;
using Cdm.Contracts.Records;

namespace Cdm.PostgresTests.Cluster;

/// <summary>Builds records whose sources and identifiers belong to one test only.</summary>
public sealed class TestRecords
{
    public string Prefix { get; } = Guid.NewGuid().ToString("N")[..10];

    public string Source(string name = "crm") => $"{name}-{Prefix}";

    public string Email(string local) => $"{local}.{Prefix}@cdmtest.net";

    public string Id(string name) => $"{name}-{Prefix}";

    public IncomingRecord Record(
        string recordId,
        string source = "crm",
        IEnumerable<(string Name, string Value)>? attributes = null,
        IEnumerable<(string Type, string Value)>? identifiers = null) =>
        new(
            Source(source),
            recordId,
            ObservedAt: null,
            (attributes ?? []).ToImmutableDictionary(static a => a.Name, static a => a.Value),
            [.. (identifiers ?? []).Select(static i => new ExternalIdentifier(i.Type, i.Value))]);
}
