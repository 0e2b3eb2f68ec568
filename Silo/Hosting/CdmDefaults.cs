using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;

namespace Cdm.Silo.Hosting;

/// <summary>
/// The shipped domain settings (normalisation, sources, survivorship) live in one file, <c>cdm.json</c>, beside
/// every host that runs grains: the embedded service and the cluster's silos read the same defaults. It is the
/// lowest layer: a host's appsettings.json, environment variables and the command line override it.
/// </summary>
public static class CdmDefaults
{
    public const string FileName = "cdm.json";

    public static IConfigurationBuilder AddCdmDefaults(this IConfigurationBuilder configuration)
    {
        var source = new JsonConfigurationSource { Path = Path.Combine(AppContext.BaseDirectory, FileName), Optional = false };
        source.ResolveFileProvider();
        configuration.Sources.Insert(0, source);
        return configuration;
    }
}
