using Cdm.Cli.Database;
using Cdm.Cli.Gateway;
using Cdm.Cli.Records;
using Cdm.Postgres.Migrations;
using Grpc.Core;
using Npgsql;

namespace Cdm.Cli.Commands;

/// <summary>The one place where failures become a line on stderr and an exit code.</summary>
public static class CommandErrors
{
    public static async Task<int> RunAsync(string gateway, Func<Task<int>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            return Interrupted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Interrupted();
        }
        catch (RpcException e)
        {
            Console.Error.WriteLine(RpcErrorFormatter.Format(e, gateway));
            return e.StatusCode == StatusCode.NotFound ? ExitCodes.NotFound : ExitCodes.Failed;
        }
        catch (RecordFileException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>The same for the <c>db</c> commands, whose failures come from PostgreSQL and the migrator.</summary>
    public static async Task<int> RunDatabaseAsync(string connectionString, Func<Task<int>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Interrupted();
        }
        catch (SchemaMigrationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (PostgresException e)
        {
            Console.Error.WriteLine($"error: PostgreSQL at {DatabaseConnection.Describe(connectionString)} refused: {e.SqlState}: {e.MessageText}");
            return ExitCodes.Failed;
        }
        catch (NpgsqlException e)
        {
            var cause = e.InnerException is { } inner ? $" ({inner.Message})" : "";
            Console.Error.WriteLine($"error: cannot reach PostgreSQL at {DatabaseConnection.Describe(connectionString)}: {e.Message}{cause}");
            return ExitCodes.Failed;
        }
    }

    private static int Interrupted()
    {
        Console.Error.WriteLine("interrupted");
        return ExitCodes.Cancelled;
    }
}
