using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace Cdm.Operations.Endpoints;

/// <summary>Binds Kestrel endpoints in code from URLs, the way it binds the hosting URLs itself.</summary>
internal static class KestrelUrls
{
    /// <summary>Kestrel's own default when no URL is configured.</summary>
    private const string KestrelDefault = "http://localhost:5000";

    /// <summary>The URLs the host would listen on: <c>urls</c>, else <c>http_ports</c> and <c>https_ports</c>, else Kestrel's default.</summary>
    public static IReadOnlyList<BindingAddress> HostingUrls(IConfiguration configuration)
    {
        var urls = Split(configuration[WebHostDefaults.ServerUrlsKey]).ToList();
        if (urls.Count == 0)
        {
            urls.AddRange(Split(configuration[WebHostDefaults.HttpPortsKey]).Select(port => $"http://*:{port}"));
            urls.AddRange(Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(port => $"https://*:{port}"));
        }

        return (urls.Count == 0 ? [KestrelDefault] : urls).Select(BindingAddress.Parse).ToList();
    }

    public static IEnumerable<string> Split(string? urls) =>
        (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static bool IsHttps(BindingAddress address) => string.Equals(address.Scheme, "https", StringComparison.OrdinalIgnoreCase);

    public static void Listen(KestrelServerOptions kestrel, BindingAddress address, Action<ListenOptions> configure)
    {
        Action<ListenOptions> listen = IsHttps(address) ? options => configure(options.UseHttps()) : configure;
        if (address.IsUnixPipe)
        {
            kestrel.ListenUnixSocket(address.UnixPipePath, listen);
        }
        else if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, listen);
        }
        else if (IPAddress.TryParse(address.Host, out var ip))
        {
            kestrel.Listen(ip, address.Port, listen);
        }
        else
        {
            // "*", "+", "0.0.0.0"-like wildcards and host names all mean every interface, as in Kestrel.
            kestrel.ListenAnyIP(address.Port, listen);
        }
    }
}
