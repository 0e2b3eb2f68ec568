using System.CommandLine;
using System.Globalization;
using Cdm.Bench.ModelEvaluation;

namespace Cdm.Bench.Commands;

/// <summary><c>model-eval</c>: measures the unsupervised match model, end to end, on the labelled data sets.</summary>
public static class ModelEvalCommand
{
    /// <summary>The data sets: name, path under the data directory, reader, default region.</summary>
    private static readonly (string Name, string Path, Func<TextReader, IReadOnlyList<LabelledRecord>> Read, string Region)[] DataSets =
    [
        ("febrl1", Path.Combine("febrl", "dataset1.csv"), LabelledCsv.ReadFebrl, "AU"),
        ("febrl2", Path.Combine("febrl", "dataset2.csv"), LabelledCsv.ReadFebrl, "AU"),
        ("splink_fake_1000", Path.Combine("splink_fake_1000", "fake_1000.csv"), LabelledCsv.ReadSplink, "GB"),
    ];

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Directory of the labelled data sets (febrl/, splink_fake_1000/).", HelpName = "DIR", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the random pairs u is estimated from, and of the shuffles.", DefaultValueFactory = _ => 1 };
        var shuffles = new Option<int>("--shuffles") { Description = "Also run this many times over shuffled record orders and report the spread of F1.", DefaultValueFactory = _ => 0 };
        var command = new Command("model-eval",
            "Normalise, block, train the match model without labels, link, cluster and score pairwise against the truth of each labelled data set.")
        {
            data, seed, shuffles,
        };
        command.SetAction((parse, _) => BenchErrors.RunAsync(() =>
        {
            var directory = parse.GetValue(data)!;
            var baseSeed = parse.GetValue(seed);
            var shuffleCount = parse.GetValue(shuffles);
            if (shuffleCount < 0)
            {
                Console.Error.WriteLine("error: --shuffles must not be negative.");
                return Task.FromResult(1);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"dataset",-17} {"records",7} {"pairs",8} {"blk rec",7} {"EM it",5} {"lambda",8} {"id links",8} {"links",6} {"review",11} {"precision",9} {"recall",7} {"F1",7} {"F1 spread",9}"));
            foreach (var (name, path, read, region) in DataSets)
            {
                IReadOnlyList<LabelledRecord> records;
                using (var reader = new StreamReader(Path.Combine(directory, path)))
                {
                    records = read(reader);
                }

                var run = ModelEvaluationPipeline.Run(records, region, baseSeed);
                var f1s = new List<double> { run.Metrics.F1 };
                for (var k = 1; k <= shuffleCount; k++)
                {
                    var shuffled = records.ToArray();
                    new Random(baseSeed + k).Shuffle(shuffled);
                    f1s.Add(ModelEvaluationPipeline.Run(shuffled, region, baseSeed).Metrics.F1);
                }

                var spread = shuffleCount > 0 ? (f1s.Max() - f1s.Min()).ToString("F4", CultureInfo.InvariantCulture) : "-";
                var m = run.Metrics;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-17} {run.Records,7} {run.CandidatePairs,8} {BlockingRecall(run),7:F4} {run.Iterations,5}{(run.Converged ? " " : "*")}{run.Lambda,8:G3} {run.IdentifierLinks,8} {run.LinkedPairs,6} {Review(run),11} {m.Precision,9:F4} {m.Recall,7:F4} {m.F1,7:F4} {spread,9}"));
                if (run.Rejected > 0)
                {
                    Console.WriteLine($"  {run.Rejected} records rejected by validation and left out");
                }
            }

            Console.WriteLine("(blk rec: true pairs among the candidates over all true pairs (closure can link more);");
            Console.WriteLine(" lambda: the model's prior that a pair is a match; id links: records linked by a shared identifier;");
            Console.WriteLine(" links: candidate pairs the model links; review: true/all candidate pairs in the review band;");
            Console.WriteLine(" * after EM it: EM stopped at its iteration limit without converging)");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static string Review(ModelEvaluationRun run) =>
        string.Create(CultureInfo.InvariantCulture, $"{run.TrueReviewPairs}/{run.ReviewPairs}");

    private static double BlockingRecall(ModelEvaluationRun run) =>
        run.Metrics.TruePairs == 0 ? 1.0 : (double)run.TrueCandidatePairs / run.Metrics.TruePairs;
}
