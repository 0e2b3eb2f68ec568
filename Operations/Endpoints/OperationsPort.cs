using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace Cdm.Operations.Endpoints;

/// <summary>
/// The ports of <c>Cdm:Operations:Urls</c>. The operations endpoints answer only on connections to these,
/// and nothing but the operations endpoints is meant to be reached there.
/// </summary>
internal sealed class OperationsPort
{
    public OperationsPort(string? urls)
    {
        Addresses = KestrelUrls.Split(urls).Select(Parse).ToList();
        Ports = Addresses.Select(a => a.Port).ToFrozenSet();
    }

    public IReadOnlyList<BindingAddress> Addresses { get; }

    public FrozenSet<int> Ports { get; }

    public bool IsSet => Addresses.Count > 0;

    private static BindingAddress Parse(string url)
    {
        var address = BindingAddress.Parse(url);
        if (KestrelUrls.IsHttps(address) || address.IsUnixPipe || address.Port == 0)
        {
            // Endpoints are told apart by local port, so it must be known; probes and scrapers speak plain HTTP.
            throw new InvalidOperationException($"{OperationsOptions.Section}:Urls has '{url}'; give plain http URLs with a fixed port.");
        }

        return address;
    }
}
