using Cdm.Api.V1;
using Cdm.Bench.Generation;
using Cdm.Bench.Truth;

namespace Cdm.Bench.Tests.Truth;

public sealed class TruthBuilderTests
{
    [Fact]
    public void Entries_AreTheConnectedComponentsOfSharedIdentifiers()
    {
        var truth = new TruthBuilder(PhoneRegion.Us);
        // 0 and 2 share an email (after case and whitespace); 2 and 3 share a phone in two forms; 3 and 5 a
        // crm_id: so {0,2,3,5}. 1 and 4 share only junk (test@test.com, 000-000-0000, null, empty): singletons.
        // 6 and 7 share a loyalty_id, but 7 also has 1's email: so {1,6,7}.
        truth.Add(Record("a", ("email", "Ann@Example.com")), 0);
        truth.Add(Record("b", ("email", "bob@example.com"), ("phone", "000-000-0000")), 1);
        truth.Add(Record("c", ("email", " ann@example.com "), ("phone", "+1 212 345 6789")), 0);
        truth.Add(Record("d", ("phone", "(212) 345-6789")).With("crm_id", "CRM-1"), 0);
        truth.Add(Record("e", ("email", "test@test.com"), ("phone", "000-000-0000")).With("crm_id", "null"), 2);
        truth.Add(Record("f", ("email", "")).With("crm_id", "CRM-1"), 0);
        truth.Add(Record("g", ("phone", "null")).With("loyalty_id", "L1"), 3);
        truth.Add(Record("h", ("email", "BOB@example.com")).With("loyalty_id", "L1"), 3);

        var components = truth.Entries().ToDictionary(e => e.RecordId, e => e.Component);

        Assert.Equal(new Dictionary<string, string>
        {
            ["a"] = "c00000000", ["c"] = "c00000000", ["d"] = "c00000000", ["f"] = "c00000000",
            ["b"] = "c00000001", ["g"] = "c00000001", ["h"] = "c00000001",
            ["e"] = "c00000004",
        }, components);
        Assert.Equal("person00000003", truth.Entries().Single(e => e.RecordId == "h").Person);
    }

    [Fact]
    public void Entries_DoNotDependOnArrivalOrder()
    {
        var records = new CustomerGenerator(new GeneratorOptions(3000, 4, PhoneRegion.Us)).Generate().ToList();
        var forward = Partition(records);
        var backward = Partition(Enumerable.Reverse(records).ToList());

        Assert.Equal(forward, backward);
    }

    private static HashSet<string> Partition(List<GeneratedRecord> records)
    {
        var truth = new TruthBuilder(PhoneRegion.Us);
        records.ForEach(r => truth.Add(r.Record, r.PersonId));
        return [.. truth.Entries().GroupBy(e => e.Component).Select(g => string.Join(",", g.Select(e => $"{e.Source}/{e.RecordId}").Order()))];
    }

    private static SourceRecord Record(string id, params (string Name, string Value)[] attributes)
    {
        var record = new SourceRecord { Source = "s", RecordId = id };
        foreach (var (name, value) in attributes)
        {
            record.Attributes[name] = value;
        }

        return record;
    }
}
