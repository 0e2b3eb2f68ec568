using Cdm.Silo.Reminders;
using Cdm.Operations.Dashboard;
using Cdm.Silo.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Cdm.Gateway.Hosting;

/// <summary>
/// The embedded default: one process, a silo with localhost clustering and grain state in a SQLite
/// file, and the gateway beside it, plain HTTP/2 on loopback.
/// </summary>
public static class EmbeddedHostExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>Where the embedded service keeps its database: <c>--data-dir</c>, else <c>Cdm:DataDir</c>, else <c>./data</c>.</summary>
    public static string DataDirectory(IConfiguration configuration) =>
        // `--data-dir` on the command line arrives as the `data-dir` key.
        Path.GetFullPath(configuration["data-dir"] ?? configuration["Cdm:DataDir"] ?? "data");

    public static WebApplicationBuilder AddCdmEmbedded(this WebApplicationBuilder builder)
    {
        var dataDirectory = DataDirectory(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // gRPC without TLS needs HTTP/2 with prior knowledge on the port.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2));
        // Ports of the silo inside this process; change them to run two embedded services side by side.
        var siloPort = builder.Configuration.GetValue("Cdm:Embedded:SiloPort", 11111);
        var clientPort = builder.Configuration.GetValue("Cdm:Embedded:GatewayPort", 30000);
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, clientPort)
            .AddCdmGrains(builder.Configuration)
            .UseCdmSqliteStorage(dataDirectory, builder.Configuration)
            // Durable: a consent grant's lapse must be noted even when it falls due while the service is down.
            .UseCdmSqliteReminders(dataDirectory)
            .UseCdmDashboard(builder.Configuration));
        builder.Services.AddCdmGateway(builder.Configuration);
        return builder;
    }
}
