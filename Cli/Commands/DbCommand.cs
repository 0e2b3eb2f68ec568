using System.CommandLine;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm db</c>: the PostgreSQL schema of the cluster mode.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var connection = ConnectionOption.Create();
        return new Command("db", "Create, upgrade or check the PostgreSQL schema of the cluster mode.")
        {
            connection,
            DbMigrateCommand.Create(connection),
            DbStatusCommand.Create(connection),
        };
    }
}
