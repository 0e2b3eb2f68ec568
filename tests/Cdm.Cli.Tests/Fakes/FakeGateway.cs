using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cdm.Cli.Tests.Fakes;

/// <summary>
/// A gRPC server on a free loopback port serving fake Ingestion and Profiles services over h2c, so the
/// CLI's client code is tested over a real channel.
/// </summary>
public sealed class FakeGateway : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeGateway(WebApplication app, FakeGatewayState state, string address)
    {
        this.app = app;
        State = state;
        Address = address;
    }

    public FakeGatewayState State { get; }

    public string Address { get; }

    public static async Task<FakeGateway> StartAsync()
    {
        var state = new FakeGatewayState();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(state);
        var app = builder.Build();
        app.MapGrpcService<FakeIngestionService>();
        app.MapGrpcService<FakeProfilesService>();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeGateway(app, state, address);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
