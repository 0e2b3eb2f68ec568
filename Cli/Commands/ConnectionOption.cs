using System.CommandLine;
using Cdm.Cli.Database;

namespace Cdm.Cli.Commands;

/// <summary>The <c>--connection</c> option of the <c>db</c> commands.</summary>
public static class ConnectionOption
{
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--connection")
        {
            Description = $"Npgsql connection string of the cluster's database (default: ${DatabaseConnection.EnvironmentVariable}).",
            HelpName = "CONNECTION_STRING",
            Recursive = true,
            DefaultValueFactory = _ => DatabaseConnection.DefaultFromEnvironment(),
        };
        option.Validators.Add(result =>
        {
            if (DatabaseConnection.Problem(result.GetValueOrDefault<string?>()) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }
}
