using Cdm.Api.V1;
using Cdm.Bench.Generation;

namespace Cdm.Bench.Truth;

/// <summary>
/// Computes the expected profiles: the connected components of the graph whose nodes are records and
/// whose edges are shared deterministic identifiers (junk values excluded).
/// </summary>
public sealed class TruthBuilder(PhoneRegion region)
{
    private readonly UnionFind components = new();
    private readonly List<(string Source, string RecordId, int Person)> records = [];
    private readonly Dictionary<string, int> firstHolder = new(StringComparer.Ordinal);

    public int Count => records.Count;

    public void Add(SourceRecord record, int person)
    {
        var node = components.Add();
        records.Add((record.Source, record.RecordId, person));
        foreach (var key in IdentifierKeys.Of(record, region))
        {
            if (firstHolder.TryGetValue(key, out var holder))
            {
                components.Union(node, holder);
            }
            else
            {
                firstHolder[key] = node;
            }
        }
    }

    /// <summary>One entry per record in the order added; a component is named after its first record.</summary>
    public IEnumerable<TruthEntry> Entries()
    {
        for (var i = 0; i < records.Count; i++)
        {
            var (source, recordId, person) = records[i];
            yield return new TruthEntry(source, recordId, $"c{components.Find(i):D8}", $"person{person:D8}");
        }
    }
}
