using System.Globalization;

namespace Cdm.Bench.Load;

/// <summary>Reads a process's peak resident memory (VmHWM) from <c>/proc/PID/status</c> (Linux only).</summary>
public static class ServerMemory
{
    /// <summary>The peak resident set in KiB, or null when the process or the file is not there.</summary>
    public static long? PeakKib(int processId)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var number = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(number, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended or this is not Linux: no figure rather than a failed run.
        }

        return null;
    }
}
