using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Cdm.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cdm.UnitTests.Operations;

/// <summary>The operations endpoints of a small web application in this process, over real sockets.</summary>
public sealed class OperationsEndpointsTests
{
    private readonly HttpClient http = new();

    [Fact]
    public async Task Readyz_IsUnavailableAndNamesTheFailingCheck_WhileHealthzStaysOk()
    {
        // No silo and no client in this process: the Orleans check fails; another ready check passes.
        await using var app = await StartAsync(operationsUrl: null, services => services.AddHealthChecks()
            .AddCheck("disk", () => HealthCheckResult.Healthy("room to spare"), tags: ["ready"]));
        var main = app.Urls.Single();

        var ready = await http.GetAsync($"{main}/readyz");
        var live = await http.GetAsync($"{main}/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks["orleans"]);
        Assert.Equal("Healthy", checks["disk"]);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task OperationsPort_ServesTheOperationsEndpointsOverHttp11_AndTheMainUrlDoesNot()
    {
        var operationsUrl = $"http://127.0.0.1:{FreePort()}";
        await using var app = await StartAsync(operationsUrl);
        var main = app.ServiceUrls().Single();

        var onOperationsPort = await http.GetAsync($"{operationsUrl}/healthz");
        var metrics = await http.GetAsync($"{operationsUrl}/metrics");
        var onMainUrl = await http.GetAsync($"{main}/healthz");
        var service = await http.GetAsync($"{main}/hello");

        Assert.Equal(HttpStatusCode.OK, onOperationsPort.StatusCode);
        Assert.Equal(HttpVersion.Version11, onOperationsPort.Version);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onMainUrl.StatusCode);
        Assert.Equal("hello", await service.Content.ReadAsStringAsync());
        Assert.Equal(2, app.Urls.Count);
        Assert.DoesNotContain(operationsUrl, app.ServiceUrls());
    }

    [Fact]
    public void OperationsUrl_WithoutAFixedPort_IsRefused()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Cdm:Operations:Urls"] = "http://127.0.0.1:0";

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddCdmOperations("test"));

        Assert.Contains("http://127.0.0.1:0", error.Message);
    }

    private static async Task<WebApplication> StartAsync(string? operationsUrl, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Cdm:Operations:Urls"] = operationsUrl;
        builder.AddCdmOperations("test");
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapGet("/hello", () => "hello");
        app.MapCdmOperations();
        await app.StartAsync();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
