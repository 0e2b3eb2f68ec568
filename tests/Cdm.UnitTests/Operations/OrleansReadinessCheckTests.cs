using Cdm.Operations.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Cdm.UnitTests.Operations;

public sealed class OrleansReadinessCheckTests
{
    [Fact]
    public async Task SiloProcess_IsReadyOnlyWhileTheSiloIsActive()
    {
        var silo = new FakeSiloStatusOracle();
        var services = new ServiceCollection().AddLogging().AddSingleton<ISiloStatusOracle>(silo).AddCdmReadiness();
        await using var provider = services.BuildServiceProvider();

        var joining = await ReadinessAsync(provider);
        silo.CurrentStatus = SiloStatus.Active;
        var active = await ReadinessAsync(provider);
        silo.CurrentStatus = SiloStatus.ShuttingDown;
        var stopping = await ReadinessAsync(provider);

        Assert.Equal(HealthStatus.Unhealthy, joining.Status);
        Assert.Equal("silo test-silo is Joining", joining.Entries["orleans"].Description);
        Assert.Equal(HealthStatus.Healthy, active.Status);
        Assert.Equal(HealthStatus.Unhealthy, stopping.Status);
    }

    [Fact]
    public async Task ClientProcess_IsReadyOnlyWhileConnectedToAGatewaySilo()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => client.UseLocalhostClustering());
        builder.Services.AddCdmReadiness();
        using var host = builder.Build();
        // The Orleans client reports connection changes to every registered observer; this is how it reaches ours.
        var observers = host.Services.GetServices<IClusterConnectionStatusObserver>().ToList();

        var before = await ReadinessAsync(host.Services);
        observers.ForEach(o => o.NotifyGatewayCountChanged(2, 0, connectionRecovered: true));
        var connected = await ReadinessAsync(host.Services);
        observers.ForEach(o => o.NotifyClusterConnectionLost());
        var lost = await ReadinessAsync(host.Services);

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal("not connected to any gateway silo", before.Entries["orleans"].Description);
        Assert.Equal(HealthStatus.Healthy, connected.Status);
        Assert.Equal("connected to 2 gateway silo(s)", connected.Entries["orleans"].Description);
        Assert.Equal(HealthStatus.Unhealthy, lost.Status);
    }

    [Fact]
    public async Task AddCdmReadiness_TwiceRegistersOneCheck()
    {
        var services = new ServiceCollection().AddLogging().AddSingleton<ISiloStatusOracle>(new FakeSiloStatusOracle()).AddCdmReadiness().AddCdmReadiness();
        await using var provider = services.BuildServiceProvider();

        var report = await ReadinessAsync(provider);

        Assert.Equal(["orleans"], report.Entries.Keys);
        Assert.Single(provider.GetServices<IClusterConnectionStatusObserver>());
    }

    private static Task<HealthReport> ReadinessAsync(IServiceProvider services) =>
        services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains(HealthTags.Ready));
}
