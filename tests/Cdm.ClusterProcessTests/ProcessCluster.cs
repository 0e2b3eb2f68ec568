using System.Net;
using System.Net.Sockets;
using Cdm.Postgres.Migrations;
using Cdm.Testing.Postgres;

namespace Cdm.ClusterProcessTests;

/// <summary>
/// The production topology as real processes on loopback: a migrated database of its own on the test
/// PostgreSQL server, silos (<c>Cdm.SiloHost</c>) and gateways (<c>Cdm.Gateway</c> in cluster mode), each on
/// free ports. Logs go to a temporary folder that is named when a test fails.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);
    private readonly List<ServiceProcess> silos = [];
    private readonly List<ServiceProcess> gateways = [];
    private readonly List<string> gatewayUrls = [];
    private int siloNumber;

    private ProcessCluster(string connectionString, string logDirectory)
    {
        ConnectionString = connectionString;
        LogDirectory = logDirectory;
    }

    public string ConnectionString { get; }

    public string LogDirectory { get; }

    public IReadOnlyList<string> GatewayUrls => gatewayUrls;

    public IReadOnlyList<ServiceProcess> Silos => silos;

    public static async Task<ProcessCluster> StartAsync(string purpose, int siloCount, int gatewayCount)
    {
        var database = await PostgresTestServer.CreateDatabaseAsync(purpose);
        await new SchemaMigrator().MigrateAsync(database);
        var cluster = new ProcessCluster(database, Path.Combine(Path.GetTempPath(), "cdm-process-cluster-" + Guid.NewGuid().ToString("N")));
        try
        {
            // Silos one after another: the first creates the membership version row the others join.
            for (var i = 0; i < siloCount; i++)
            {
                await cluster.StartSiloAsync();
            }

            for (var i = 0; i < gatewayCount; i++)
            {
                await cluster.StartGatewayAsync();
            }
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }

        return cluster;
    }

    /// <summary>Starts one more silo on new ports and waits until it is active.</summary>
    public async Task<ServiceProcess> StartSiloAsync()
    {
        var name = $"silo-{++siloNumber}";
        var http = FreePort();
        var silo = ServiceProcess.Start(name, Assembly("SiloHost", "Cdm.SiloHost.dll"), new Dictionary<string, string>
        {
            ["Cdm__Cluster__ConnectionString"] = ConnectionString,
            ["Cdm__Silo__AdvertisedAddress"] = "127.0.0.1",
            // The load is checked against the exact connected components of its identifiers (DESIGN rule 2).
            ["Cdm__IdentityGraph__Enabled"] = "false",
            ["Cdm__Silo__SiloPort"] = FreePort().ToString(),
            ["Cdm__Silo__GatewayPort"] = FreePort().ToString(),
            ["Urls"] = $"http://127.0.0.1:{http}",
        }, $"http://127.0.0.1:{http}/readyz", LogDirectory);
        silos.Add(silo);
        await silo.WaitReadyAsync(ReadyTimeout, LogDirectory);
        return silo;
    }

    public async Task StartGatewayAsync()
    {
        var name = $"gateway-{gateways.Count + 1}";
        var grpc = FreePort();
        var ops = FreePort();
        var gateway = ServiceProcess.Start(name, Assembly("Gateway", "Cdm.Gateway.dll"), new Dictionary<string, string>
        {
            ["Cdm__Mode"] = "Cluster",
            ["Cdm__Cluster__ConnectionString"] = ConnectionString,
            ["Cdm__Operations__Urls"] = $"http://127.0.0.1:{ops}",
            ["Urls"] = $"http://127.0.0.1:{grpc}",
        }, $"http://127.0.0.1:{ops}/readyz", LogDirectory);
        gateways.Add(gateway);
        gatewayUrls.Add($"http://127.0.0.1:{grpc}");
        await gateway.WaitReadyAsync(ReadyTimeout, LogDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in gateways.Concat(silos))
        {
            await process.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A host built in the same configuration as these tests, run from its own output folder.</summary>
    private static string Assembly(string project, string file)
    {
        // Tests run from <project>/bin/<Configuration>/<tfm>/.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var path = Path.Combine(PostgresTestServer.RepositoryRoot(), project, "bin", configuration, testOutput.Name, file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{file} is not built; build the solution first.", path);
    }
}
