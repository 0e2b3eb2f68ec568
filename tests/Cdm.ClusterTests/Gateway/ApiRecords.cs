using Cdm.Api.V1;

namespace Cdm.ClusterTests.Gateway;

/// <summary>Builds API records whose source and emails belong to one test only.</summary>
public sealed class ApiRecords(string sourceName)
{
    /// <summary>A value unique to this test.</summary>
    public string Prefix { get; } = Guid.NewGuid().ToString("N")[..10];

    public string Source => $"{sourceName}-{Prefix}";

    public string Email(string local) => $"{local}.{Prefix}@cdmtest.net";

    public SourceRecord Record(string id, params (string Name, string Value)[] attributes)
    {
        var record = new SourceRecord { Source = Source, RecordId = id };
        foreach (var (name, value) in attributes)
        {
            record.Attributes[name] = value;
        }

        return record;
    }
}
