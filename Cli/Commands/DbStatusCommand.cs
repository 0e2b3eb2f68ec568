using System.CommandLine;
using Cdm.Postgres.Migrations;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm db status</c>: the database's schema version and the steps still to apply; changes nothing.</summary>
public static class DbStatusCommand
{
    public static Command Create(Option<string?> connection)
    {
        var command = new Command("status",
            "Print the database's schema version and the steps this cdm would still apply. Changes nothing. " +
            $"Exit code {ExitCodes.Pending} when steps are pending or an applied step was edited, so scripts can gate on it.");

        command.SetAction((parse, cancellationToken) =>
        {
            var connectionString = parse.GetValue(connection)!;
            return CommandErrors.RunDatabaseAsync(connectionString, async () =>
            {
                var status = await new SchemaMigrator().StatusAsync(connectionString, cancellationToken);
                Console.Out.WriteLine(status.SchemaVersion > status.LatestVersion
                    ? $"schema version {status.SchemaVersion}, newer than this cdm ({status.LatestVersion})"
                    : $"schema version {status.SchemaVersion} of {status.LatestVersion}");
                foreach (var step in status.Pending)
                {
                    Console.Out.WriteLine($"pending {step.FileName}");
                }

                foreach (var step in status.Edited)
                {
                    Console.Out.WriteLine($"edited  {step.FileName} (applied from different SQL; ship a new step instead)");
                }

                if (status.UpToDate)
                {
                    Console.Out.WriteLine("up to date");
                }

                return status.UpToDate ? ExitCodes.Ok : ExitCodes.Pending;
            }, cancellationToken);
        });
        return command;
    }
}
