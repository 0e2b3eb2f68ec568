using Cdm.Cli.Gateway;
using Cdm.Cli.Records;
using Grpc.Core;

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

    private static int Interrupted()
    {
        Console.Error.WriteLine("interrupted");
        return ExitCodes.Cancelled;
    }
}
