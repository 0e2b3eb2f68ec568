using System.CommandLine;

namespace Cdm.Cli.Commands;

/// <summary>The root command: the global <c>--gateway</c> option and every subcommand.</summary>
public static class CdmCommand
{
    public static RootCommand Create()
    {
        var gateway = GatewayOption.Create();
        var root = new RootCommand($"cdm: import, look up and evaluate customer records on a CDM gateway, manage match models, review possible matches, split and explain profiles, manage API keys, and migrate the PostgreSQL schema. {ExitCodes.Help}")
        {
            gateway,
            ImportCommand.Create(gateway),
            GetCommand.Create(gateway),
            HistoryCommand.Create(gateway),
            XrefCommand.Create(gateway),
            EvaluateCommand.Create(gateway),
            ModelCommand.Create(gateway),
            ReviewCommand.Create(gateway),
            SplitCommand.Create(gateway),
            ExplainCommand.Create(gateway),
            KeyCommand.Create(gateway),
            KeyCommand.WhoAmI(gateway),
            AuditCommand.Create(gateway),
            PrivacyCommand.Create(gateway),
            DbCommand.Create(),
        };
        return root;
    }

    /// <summary>Parses and runs a command line; wrong arguments exit with <see cref="ExitCodes.Usage"/>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            // Without a terminal Spectre assumes 80 columns, which wraps lineage tables in files and pipes.
            Spectre.Console.AnsiConsole.Profile.Width = 200;
        }

        var parse = Create().Parse(args);
        var exitCode = await parse.InvokeAsync();
        return parse.Errors.Count > 0 ? ExitCodes.Usage : exitCode;
    }
}
