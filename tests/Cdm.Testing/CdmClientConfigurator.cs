using Cdm.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace Cdm.Testing;

/// <summary>The test cluster's client: TLS to the silos when the test configured a cluster certificate.</summary>
public sealed class CdmClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) => clientBuilder.UseCdmClusterTls(configuration);
}
