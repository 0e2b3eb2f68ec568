using System.Net;
using Microsoft.Extensions.Configuration;

namespace Cdm.Operations.Endpoints;

/// <summary>Where the host will listen, as far as configuration says before it starts.</summary>
public static class ListenAddresses
{
    /// <summary>
    /// The addresses that are not loopback: of the hosting URLs (<c>urls</c>, <c>http_ports</c>, ...) and of the
    /// endpoints under <c>Kestrel:Endpoints</c>. Wildcards (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>) and host names count as
    /// reachable from the network.
    /// </summary>
    public static IReadOnlyList<string> BeyondLoopback(IConfiguration configuration)
    {
        var urls = KestrelUrls.HostingUrls(configuration).Select(static a => (Url: a.ToString(), Host: a.Host, Pipe: a.IsUnixPipe))
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren()
                .Select(static e => e["Url"])
                .OfType<string>()
                .Select(Microsoft.AspNetCore.Http.BindingAddress.Parse)
                .Select(static a => (Url: a.ToString(), Host: a.Host, Pipe: a.IsUnixPipe)));
        return [.. urls.Where(static u => !u.Pipe && !IsLoopback(u.Host)).Select(static u => u.Url)];
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
