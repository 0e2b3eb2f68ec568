using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Cdm.Cli.Gateway;
using Grpc.Core;
using Grpc.Health.V1;

namespace Cdm.Bench.Load;

/// <summary>
/// A server process the bench starts itself: <c>dotnet DLL --urls http://127.0.0.1:PORT --data-dir TMP</c>
/// on a free port and a fresh data directory, ready once its health check answers SERVING; stopped with
/// SIGTERM, and its directory removed.
/// </summary>
public sealed class EmbeddedServer : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly Process process;
    private readonly Queue<string> lastLines = new();

    private EmbeddedServer(Process process, string address, string dataDirectory)
    {
        this.process = process;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public string Address { get; }

    public string DataDirectory { get; }

    public int ProcessId => process.Id;

    /// <summary>The last lines the server printed, for when it fails.</summary>
    public string Log
    {
        get { lock (lastLines) { return string.Join(Environment.NewLine, lastLines); } }
    }

    public static async Task<EmbeddedServer> StartAsync(string dll, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(dll);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"server assembly not found: {path}", path);
        }

        var address = $"http://127.0.0.1:{FreePort()}";
        var dataDirectory = Directory.CreateTempSubdirectory("cdm-bench-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            // The server reads appsettings.json from its own folder.
            WorkingDirectory = Path.GetDirectoryName(path)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { path, "--urls", address, "--data-dir", dataDirectory },
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var server = new EmbeddedServer(process, address, dataDirectory);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilServingAsync(startTimeout, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM lets the host shut down cleanly (flush storage, leave the cluster).
            if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
            {
                _ = Kill(process.Id, SigTerm);
            }
            else
            {
                process.Kill(entireProcessTree: true);
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temp folder; not worth failing the run for.
        }
    }

    private async Task WaitUntilServingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var channel = GatewayConnection.Open(Address);
        var client = new Health.HealthClient(channel);
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        TimeSpan? answeringSince = null;
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode} before it was ready:{Environment.NewLine}{Log}");
            }

            try
            {
                var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2), cancellationToken: cancellationToken);
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }

                // ASP.NET's health service answers UNKNOWN while it has no health check registered: a host that
                // keeps answering without ever saying NOT_SERVING is taken as ready after a few seconds.
                answeringSince ??= clock.Elapsed;
                if (reply.Status != HealthCheckResponse.Types.ServingStatus.NotServing && clock.Elapsed - answeringSince > TimeSpan.FromSeconds(5))
                {
                    return;
                }

                last = $"health status {reply.Status}";
            }
            catch (RpcException e)
            {
                // Not listening yet, or the health service not ready to answer.
                last = $"{e.StatusCode}: {e.Status.Detail}";
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"the server was not serving after {timeout.TotalSeconds:N0} s (last answer: {last}); its last lines:{Environment.NewLine}{Log}");
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > 40)
            {
                lastLines.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Plain P/Invoke: the .NET Process API only offers SIGKILL, which would skip the server's shutdown.
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int processId, int signal);
}
