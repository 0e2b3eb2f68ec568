using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Cdm.Api.V1;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Cdm.ClusterTests.Gateway;

/// <summary>
/// The embedded default as a user runs it: <c>Cdm.Gateway</c> in its own process, on free loopback
/// ports, with its data directory, reached through a real gRPC channel.
/// </summary>
public sealed class EmbeddedHost : IAsyncDisposable
{
    private readonly string dataDirectory;
    private readonly bool ownsDirectory;
    private readonly string[] extraArguments;
    private readonly List<string> log = [];
    private Process? process;
    private GrpcChannel? channel;

    public EmbeddedHost(string? dataDirectory = null, params string[] extraArguments)
    {
        this.extraArguments = extraArguments;
        ownsDirectory = dataDirectory is null;
        this.dataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "cdm-e2e-" + Guid.NewGuid().ToString("N"));
        Url = $"http://127.0.0.1:{FreePort()}";
    }

    public string Url { get; private set; }

    /// <summary>The certificate the gateway serves TLS with, when <see cref="WithTls"/> asked for it.</summary>
    private X509Certificate2? serverCertificate;

    /// <summary>The HTTP/1.1 operations port (<c>Cdm:Operations:Urls</c>), if <see cref="WithOperationsPort"/> asked for one.</summary>
    public string? OperationsUrl { get; private set; }

    public string DataDirectory => dataDirectory;

    /// <summary>What the process has written to stdout and stderr so far, one entry per line.</summary>
    public IReadOnlyList<string> LogLines
    {
        get
        {
            lock (log)
            {
                return [.. log];
            }
        }
    }

    public GrpcChannel Channel => channel ?? throw new InvalidOperationException("The host is not started.");

    public Ingestion.IngestionClient Ingestion => new(Channel);

    public Profiles.ProfilesClient Profiles => new(Channel);

    public Api.V1.Consent.ConsentClient Consent => new(Channel);

    /// <summary>Serves health, metrics and the dashboard on a free port of their own, over plain HTTP/1.1.</summary>
    public EmbeddedHost WithOperationsPort()
    {
        OperationsUrl = $"http://127.0.0.1:{FreePort()}";
        return this;
    }

    /// <summary>
    /// Serves gRPC over TLS with the certificate in <paramref name="pfxPath"/> (Kestrel's default certificate); the
    /// channel trusts exactly <paramref name="certificate"/>.
    /// </summary>
    public EmbeddedHost WithTls(string pfxPath, string password, X509Certificate2 certificate)
    {
        Url = "https" + Url[Url.IndexOf(':', StringComparison.Ordinal)..];
        serverCertificate = certificate;
        tlsArguments = ["--Kestrel:Certificates:Default:Path", pfxPath, "--Kestrel:Certificates:Default:Password", password];
        return this;
    }

    private string[] tlsArguments = [];

    public async Task StartAsync()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (log)
        {
            log.Clear();
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            GatewayAssembly(), "--urls", Url, "--data-dir", dataDirectory,
            "--Cdm:Embedded:SiloPort", FreePort().ToString(), "--Cdm:Embedded:GatewayPort", FreePort().ToString(),
        }.Concat(OperationsUrl is null ? [] : ["--Cdm:Operations:Urls", OperationsUrl]).Concat(tlsArguments).Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (log)
            {
                log.Add(e.Data);
            }

            // ASP.NET Core prints this once Kestrel listens, after the co-hosted silo has started.
            if (e.Data.Contains("Application started", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != ready.Task)
        {
            string text;
            lock (log)
            {
                text = string.Join('\n', log.TakeLast(40));
            }

            throw new InvalidOperationException($"The embedded host did not start:\n{text}");
        }

        channel = serverCertificate is null
            ? GrpcChannel.ForAddress(Url)
            : GrpcChannel.ForAddress(Url, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler
                {
                    SslOptions = new System.Net.Security.SslClientAuthenticationOptions
                    {
                        RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == serverCertificate.GetCertHashString(),
                    },
                },
            });
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        if (health.Status != HealthCheckResponse.Types.ServingStatus.Serving)
        {
            throw new InvalidOperationException($"The embedded host reports {health.Status}.");
        }
    }

    /// <summary>Stops the process: SIGTERM (graceful) or SIGKILL (a crash).</summary>
    public async Task StopAsync(bool kill = false)
    {
        if (process is null || process.HasExited)
        {
            return;
        }

        channel?.Dispose();
        channel = null;
        if (kill)
        {
            process.Kill();
        }
        else
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString()]);
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(kill: true);
        if (ownsDirectory && Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The gateway built beside this test assembly (the test project references it).</summary>
    private static string GatewayAssembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cdm.Gateway.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Cdm.Gateway.dll is not beside the tests.", path);
    }
}
