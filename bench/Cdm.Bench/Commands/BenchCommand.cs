using System.CommandLine;

namespace Cdm.Bench.Commands;

/// <summary>The root command of the benchmark harness.</summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("CDM benchmark harness: generate records with known truth, measure ingestion, verify the profiles.")
        {
            GenerateCommand.Create(),
            RunCommand.Create(),
            VerifyCommand.Create(),
            ModelEvalCommand.Create(),
            ReResolveCommand.Create(),
        };
        var parse = root.Parse(args);
        var exitCode = await parse.InvokeAsync();
        return parse.Errors.Count > 0 ? 2 : exitCode;
    }
}
