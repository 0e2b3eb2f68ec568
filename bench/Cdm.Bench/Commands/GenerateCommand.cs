using System.CommandLine;
using Cdm.Bench.Generation;
using Cdm.Bench.Truth;
using Google.Protobuf;

namespace Cdm.Bench.Commands;

/// <summary><c>generate</c>: writes synthetic customer records with known truth as JSON Lines.</summary>
public static class GenerateCommand
{
    public static Command Create()
    {
        var records = new Option<long>("--records") { Description = "Number of records.", HelpName = "N", Required = true };
        var seed = BenchOptions.Seed();
        var output = new Option<string>("--out") { Description = "JSON Lines file of cdm.v1.SourceRecord to write.", HelpName = "FILE", Required = true };
        var truth = new Option<string?>("--truth")
        {
            Description = "CSV file to write the truth to: source,record_id,component,person. The component is the profile the record " +
                "must end in (connected components of shared email, phone and external ids, junk excluded); the person is who it is about.",
            HelpName = "FILE",
        };
        var truthAttribute = new Option<string?>("--truth-attribute")
        {
            Description = "Also put each record's component in this attribute (for `cdm evaluate --truth-column`); generates twice.",
            HelpName = "NAME",
        };
        var region = BenchOptions.PhoneRegion();
        records.Validators.Add(r => { if (r.GetValueOrDefault<long>() < 1) { r.AddError("--records must be at least 1"); } });

        var command = new Command("generate", "Generate synthetic customer records with known truth.")
        {
            records, seed, output, truth, truthAttribute, region,
        };
        command.SetAction(parse => BenchErrors.RunAsync(() =>
        {
            var options = new GeneratorOptions(parse.GetValue(records), parse.GetValue(seed), BenchOptions.Region(parse, region))
            {
                TruthAttribute = parse.GetValue(truthAttribute),
            };
            Run(options, parse.GetValue(output)!, parse.GetValue(truth));
            return Task.FromResult(0);
        }));
        return command;
    }

    private static void Run(GeneratorOptions options, string outputPath, string? truthPath)
    {
        var generator = new CustomerGenerator(options);
        var truth = new TruthBuilder(options.Region);
        Dictionary<(string, string), string>? components = null;
        if (options.TruthAttribute is not null)
        {
            // Components are known only once every record is seen: a first pass finds them, the second writes.
            foreach (var (record, person) in generator.Generate())
            {
                truth.Add(record, person);
            }

            components = truth.Entries().ToDictionary(e => (e.Source, e.RecordId), e => e.Component);
        }

        var people = new HashSet<int>();
        using (var writer = new StreamWriter(outputPath, append: false, new System.Text.UTF8Encoding(false), 1 << 16))
        {
            foreach (var (record, person) in generator.Generate())
            {
                people.Add(person);
                if (components is null)
                {
                    truth.Add(record, person);
                }
                else
                {
                    record.Attributes[options.TruthAttribute!] = components[(record.Source, record.RecordId)];
                }

                writer.WriteLine(JsonFormatter.Default.Format(record));
            }
        }

        var sizes = truth.Entries().GroupBy(e => e.Component).Select(g => g.Count()).ToList();
        if (truthPath is not null)
        {
            TruthFile.Write(truthPath, truth.Entries());
        }

        Console.WriteLine($"{truth.Count:N0} records about {people.Count:N0} people in {sizes.Count:N0} truth components " +
                          $"(largest {sizes.DefaultIfEmpty(0).Max():N0}, {sizes.Count(s => s > 1):N0} with more than one record) -> {outputPath}");
    }
}
