using System.CommandLine;
using Cdm.Api.V1;
using Cdm.Bench.Truth;
using Cdm.Cli.Evaluation;
using Cdm.Cli.Gateway;
using Grpc.Core;

namespace Cdm.Bench.Commands;

/// <summary><c>verify</c>: compares the server's cross references with the generator's truth.</summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var gateway = BenchOptions.Gateway();
        var truth = new Option<string>("--truth") { Description = "Truth CSV written by `generate --truth` or `run --truth`.", HelpName = "FILE", Required = true };
        var command = new Command("verify",
            "Check that the server's profiles equal the truth components exactly; print the mismatches. Exit code 1 when they differ.")
        {
            gateway, truth,
        };
        command.SetAction((parse, cancellationToken) => BenchErrors.RunAsync(async () =>
        {
            var address = parse.GetValue(gateway)!;
            var entries = TruthFile.Read(parse.GetValue(truth)!).ToList();
            using var channel = GatewayConnection.Open(address);
            Dictionary<RecordKey, string> xref;
            try
            {
                xref = await CrossReferenceIndex.LoadAsync(new Profiles.ProfilesClient(channel), null, cancellationToken);
            }
            catch (RpcException e)
            {
                Console.Error.WriteLine(RpcErrorFormatter.Format(e, address));
                return 1;
            }

            var report = PartitionComparison.Compare(entries, xref);
            VerificationWriter.WriteText(Console.Out, report);

            // How far deterministic rules alone get from the people behind the records (not a failure).
            var people = new PairwiseEvaluator();
            foreach (var entry in entries)
            {
                if (xref.TryGetValue(new RecordKey(entry.Source, entry.RecordId), out var profile))
                {
                    people.Add(entry.Person, profile);
                }
            }

            var m = people.Compute();
            Console.WriteLine($"  against the generated people: precision {m.Precision:F4}, recall {m.Recall:F4}, F1 {m.F1:F4} ({m.TrueEntities:N0} people)");
            return report.IsExact ? 0 : 1;
        }));
        return command;
    }
}
