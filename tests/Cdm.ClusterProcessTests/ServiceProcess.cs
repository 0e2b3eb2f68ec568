using System.Diagnostics;

namespace Cdm.ClusterProcessTests;

/// <summary>
/// A silo or gateway as a real process (<c>dotnet Some.dll</c>) configured by environment variables, with its
/// output in a log file, readiness read from its HTTP <c>/readyz</c>, and the two ways a process ends in
/// production: SIGTERM (graceful) and SIGKILL (a crash).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process process;
    private readonly StreamWriter log;

    private ServiceProcess(string name, Process process, StreamWriter log, string readyUrl)
    {
        Name = name;
        this.process = process;
        this.log = log;
        ReadyUrl = readyUrl;
    }

    public string Name { get; }

    public string ReadyUrl { get; }

    public bool HasExited => process.HasExited;

    public static ServiceProcess Start(string name, string assembly, IReadOnlyDictionary<string, string> environment, string readyUrl, string logDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Directory.CreateDirectory(logDirectory);
        var log = new StreamWriter(Path.Combine(logDirectory, name + ".log"), append: true) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        void Write(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (log)
                {
                    log.WriteLine(e.Data);
                }
            }
        }

        process.OutputDataReceived += Write;
        process.ErrorDataReceived += Write;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(name, process, log, readyUrl);
    }

    /// <summary>Waits until <c>/readyz</c> answers 200; fails early, with the log's end, if the process exits.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout, string logDirectory)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode}:\n{Tail(logDirectory)}");
            }

            try
            {
                using var response = await Http.GetAsync(ReadyUrl);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Tail(logDirectory)}");
    }

    /// <summary>SIGKILL: the process ends at once, as in a crash or an out-of-memory kill.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, then wait for the graceful shutdown to finish.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(wait.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        lock (log)
        {
            log.Dispose();
        }
    }

    private string Tail(string logDirectory)
    {
        lock (log)
        {
            log.Flush();
        }

        var path = Path.Combine(logDirectory, Name + ".log");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(40));
    }
}
