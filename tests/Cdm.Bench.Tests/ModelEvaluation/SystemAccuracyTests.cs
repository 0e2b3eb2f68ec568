using System.Collections.Immutable;
using Cdm.Bench.ModelEvaluation;
using Cdm.Cli.Evaluation;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Matching;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Testing;
using Xunit.Abstractions;

namespace Cdm.Bench.Tests.ModelEvaluation;

/// <summary>
/// Accuracy of the live resolver on labelled data: a cluster of its own per data set, a model trained on the file
/// without its labels (as <c>cdm model train --file</c> does), every record ingested concurrently in a shuffled
/// order, and the final profiles scored pairwise against the truth. One configuration for every data set.
/// </summary>
public sealed class SystemAccuracyTests(ITestOutputHelper output)
{
    public static TheoryData<string, double> DataSets => new()
    {
        { "febrl1", 0.99 },
        { "febrl2", 0.99 },
        { "splink_fake_1000", 0.90 },
    };

    [Theory]
    [MemberData(nameof(DataSets))]
    public async Task TheFinalProfiles_ReachTheF1Floor(string dataSet, double floor)
    {
        var records = Load(dataSet);
        var metrics = await ResolveAsync(records, seed: 7);
        output.WriteLine($"{dataSet}: precision {metrics.Precision:F4}, recall {metrics.Recall:F4}, F1 {metrics.F1:F4}");
        Assert.True(metrics.F1 >= floor, $"{dataSet}: F1 {metrics.F1:F4} (precision {metrics.Precision:F4}, recall {metrics.Recall:F4}) is below {floor}");
    }

    [Theory]
    [InlineData("febrl1")]
    [InlineData("splink_fake_1000")]
    public async Task ImportOrder_MattersLittle(string dataSet)
    {
        var records = Load(dataSet);
        var scores = new List<double>();
        foreach (var seed in new[] { 1, 2, 3, 4, 5 })
        {
            scores.Add((await ResolveAsync(records, seed)).F1);
        }

        var spread = scores.Max() - scores.Min();
        output.WriteLine($"{dataSet}: F1 over five orders {string.Join(", ", scores.Select(f => f.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}, spread {spread:F4}");
        Assert.True(spread <= 0.003, $"{dataSet}: F1 over five orders {string.Join(", ", scores.Select(f => f.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}, spread {spread:F4}");
    }

    /// <summary>Imports <paramref name="records"/> in an order shuffled by <paramref name="seed"/> into a fresh cluster and scores the profiles.</summary>
    public static async Task<PairwiseMetrics> ResolveAsync(IReadOnlyList<LabelledRecord> records, int seed)
    {
        await using var cluster = await CdmTestCluster.StartAsync(builder =>
            builder.Properties["Cdm:Matching:ModelRefreshInterval"] = "00:00:00");
        var source = "eval";
        var incoming = records.Select(r => new IncomingRecord(source, r.Id, null, r.Attributes, [])).ToImmutableArray();
        var trainer = cluster.Grains.GetGrain<IModelTrainerGrain>(Guid.NewGuid());
        await trainer.AddRecordsAsync(incoming);
        var trained = await trainer.TrainOnAddedRecordsAsync("accuracy test", true, 0);
        Assert.NotNull(trained.Model);

        var order = incoming.OrderBy(_ => 0).ToArray();
        new Random(seed).Shuffle(order);
        var resolver = cluster.Grains.GetGrain<IResolverGrain>(0);
        await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (record, _) =>
        {
            var outcome = await resolver.IngestAsync(record);
            Assert.NotEqual(IngestStatus.Rejected, outcome.Status);
        });

        var evaluator = new PairwiseEvaluator();
        var truth = records.ToDictionary(r => r.Id, r => r.Truth, StringComparer.Ordinal);
        var seen = 0;
        await foreach (var entry in cluster.Grains.GetGrain<ICrossReferenceGrain>(Random.Shared.NextInt64()).ListAsync(source))
        {
            evaluator.Add(truth[entry.RecordId], entry.ProfileId);
            seen++;
        }

        Assert.Equal(records.Count, seen);
        return evaluator.Compute();
    }

    public static IReadOnlyList<LabelledRecord> Load(string dataSet)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        return dataSet switch
        {
            "febrl1" => LabelledCsv.ReadFebrl(File.OpenText(Path.Combine(data, "febrl", "dataset1.csv"))),
            "febrl2" => LabelledCsv.ReadFebrl(File.OpenText(Path.Combine(data, "febrl", "dataset2.csv"))),
            "splink_fake_1000" => LabelledCsv.ReadSplink(File.OpenText(Path.Combine(data, "splink_fake_1000", "fake_1000.csv"))),
            _ => throw new ArgumentOutOfRangeException(nameof(dataSet), dataSet, "unknown data set"),
        };
    }
}
