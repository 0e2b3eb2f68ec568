namespace Cdm.Bench.Commands;

/// <summary>The one place where expected failures of the bench commands become a line on stderr and exit code 1.</summary>
public static class BenchErrors
{
    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or Cli.Records.RecordFileException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
