using Cdm.Bench.Generation;
using Cdm.Bench.Truth;
using Google.Protobuf;

namespace Cdm.Bench.Tests.Generation;

public sealed class CustomerGeneratorTests
{
    [Fact]
    public void Generate_SameSeed_GivesTheSameRecordsInTheSameOrder()
    {
        var first = Json(new GeneratorOptions(3000, 42, PhoneRegion.Us));
        var second = Json(new GeneratorOptions(3000, 42, PhoneRegion.Us));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherRecords()
    {
        Assert.NotEqual(Json(new GeneratorOptions(500, 1, PhoneRegion.Us)), Json(new GeneratorOptions(500, 2, PhoneRegion.Us)));
    }

    [Fact]
    public void Generate_GivesExactlyTheCountWithUniqueSourceKeysFromEverySource()
    {
        var records = new CustomerGenerator(new GeneratorOptions(5000, 3, PhoneRegion.Au)).Generate().ToList();

        Assert.Equal(5000, records.Count);
        Assert.Equal(5000, records.Select(r => (r.Record.Source, r.Record.RecordId)).Distinct().Count());
        Assert.Equal(CustomerGenerator.Sources.Order(), records.Select(r => r.Record.Source).Distinct().Order());
    }

    [Fact]
    public void Generate_MakesDuplicatesHouseholdsAndJunk()
    {
        var region = PhoneRegion.Us;
        var records = new CustomerGenerator(new GeneratorOptions(20_000, 5, region)).Generate().ToList();
        var truth = new TruthBuilder(region);
        records.ForEach(r => truth.Add(r.Record, r.PersonId));
        var entries = truth.Entries().ToList();

        var peoplePerComponent = entries.GroupBy(e => e.Component).Select(g => g.Select(e => e.Person).Distinct().Count()).ToList();
        Assert.True(peoplePerComponent.Any(n => n > 1), "some components join people through a household phone or email");
        Assert.True(entries.GroupBy(e => e.Component).Any(g => g.Count() > 2), "some people have several linked records");
        Assert.Contains(records, r => r.Record.Attributes.GetValueOrDefault("email") == "test@test.com");
        Assert.Contains(records, r => r.Record.Attributes.GetValueOrDefault("phone") == "000-000-0000");
        Assert.Contains(records, r => r.Record.Attributes.GetValueOrDefault("phone") is { } p && !p.StartsWith('+') && p.Length > 4);
        Assert.Contains(records, r => r.Record.Identifiers.Any(i => i.Type == "loyalty_id"));
        Assert.Contains(records, r => r.Record.Identifiers.Any(i => i.Type == "crm_id"));
    }

    [Fact]
    public void Generate_JunkValuesNeverLinkRecords()
    {
        var region = PhoneRegion.Us;
        var records = new CustomerGenerator(new GeneratorOptions(20_000, 9, region)).Generate().ToList();

        var junk = records.Where(r => r.Record.Attributes.GetValueOrDefault("email") == "test@test.com").ToList();

        Assert.True(junk.Count > 10, $"expected junk emails in 20,000 records, found {junk.Count}");
        Assert.All(junk, r => Assert.DoesNotContain(IdentifierKeys.Of(r.Record, region), k => k.StartsWith("email:", StringComparison.Ordinal)));
    }

    private static List<string> Json(GeneratorOptions options) =>
        [.. new CustomerGenerator(options).Generate().Select(r => $"{r.PersonId} {JsonFormatter.Default.Format(r.Record)}")];
}
