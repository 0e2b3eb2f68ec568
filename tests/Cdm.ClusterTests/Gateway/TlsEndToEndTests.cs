using System.Security.Cryptography.X509Certificates;
using Cdm.Api.V1;
using Cdm.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace Cdm.ClusterTests.Gateway;

/// <summary>The gateway served over TLS from configuration, with authentication required, through a real channel.</summary>
public sealed class TlsEndToEndTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cdm-tls-" + Guid.NewGuid().ToString("N"));
    private readonly X509Certificate2 certificate;
    private readonly EmbeddedHost host;

    public TlsEndToEndTests()
    {
        Directory.CreateDirectory(directory);
        certificate = TestCertificates.SelfSigned("cdm-test-gateway");
        var pfx = Path.Combine(directory, "gateway.pfx");
        var password = TestCertificates.WritePfx(certificate, pfx);
        host = new EmbeddedHost(null, "--Cdm:Auth:Mode", "Required").WithTls(pfx, password, certificate);
    }

    public Task InitializeAsync() => host.StartAsync();

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        certificate.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Gateway_ServesTls_AndStillRequiresCredentials()
    {
        Assert.StartsWith("https://", host.Url, StringComparison.Ordinal);

        // Over TLS the call reaches the gateway, which wants credentials.
        var error = await Assert.ThrowsAsync<RpcException>(() => new Access.AccessClient(host.Channel).WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);

        // Plain HTTP/2 to the same port gets no gRPC answer at all.
        using var plain = GrpcChannel.ForAddress("http" + host.Url["https".Length..]);
        var refused = await Assert.ThrowsAsync<RpcException>(() => new Access.AccessClient(plain).WhoAmIAsync(new WhoAmIRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, refused.StatusCode);
    }
}
