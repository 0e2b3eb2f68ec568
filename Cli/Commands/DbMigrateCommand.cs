using System.CommandLine;
using Cdm.Postgres.Migrations;

namespace Cdm.Cli.Commands;

/// <summary><c>cdm db migrate</c>: applies the schema steps the database lacks.</summary>
public static class DbMigrateCommand
{
    public static Command Create(Option<string?> connection)
    {
        var command = new Command("migrate",
            "Apply the schema steps the database lacks, all in one transaction, and print them and the resulting version. " +
            "Safe to run again and from several places at once. Exit code 1 when the database is unreachable or a step fails or was edited.");

        command.SetAction((parse, cancellationToken) =>
        {
            var connectionString = parse.GetValue(connection)!;
            return CommandErrors.RunDatabaseAsync(connectionString, async () =>
            {
                var report = await new SchemaMigrator().MigrateAsync(connectionString, cancellationToken);
                foreach (var step in report.Applied)
                {
                    Console.Out.WriteLine($"applied {step.FileName}");
                }

                if (report.Applied.Count == 0)
                {
                    Console.Out.WriteLine("nothing to apply");
                }

                Console.Out.WriteLine(report.SchemaVersion > report.LatestVersion
                    ? $"schema version {report.SchemaVersion}, newer than this cdm ({report.LatestVersion})"
                    : $"schema version {report.SchemaVersion}, up to date");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return command;
    }
}
