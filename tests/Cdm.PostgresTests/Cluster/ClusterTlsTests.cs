using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Profiles;
using Cdm.Silo.Hosting;
using Cdm.Testing;
using Cdm.Testing.Postgres;

namespace Cdm.PostgresTests.Cluster;

/// <summary>
/// Two silos and a client that speak TLS to each other with the cluster certificate (<c>Cdm:Cluster:Tls</c>), state in
/// PostgreSQL: the cluster works, and its ports refuse anyone who does not present that certificate.
/// </summary>
public sealed class ClusterTlsTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cdm-cluster-tls-" + Guid.NewGuid().ToString("N"));
    private readonly X509Certificate2 certificate = TestCertificates.SelfSigned("cdm-test-cluster");
    private CdmTestCluster? cluster;

    private CdmTestCluster Cluster => cluster ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        var pfx = Path.Combine(directory, "cluster.pfx");
        var password = TestCertificates.WritePfx(certificate, pfx);
        var connectionString = await PostgresTestServer.CreateDatabaseAsync("cluster tls");
        cluster = await CdmTestCluster.StartOnPostgresAsync(connectionString, silos: 2, builder =>
        {
            // Real sockets, as between machines (the test host's default is an in-memory transport).
            builder.Options.ConnectionTransport = Orleans.TestingHost.ConnectionTransportType.TcpSocket;
            builder.Properties[$"{ClusterTls.Section}:CertificatePath"] = pfx;
            builder.Properties[$"{ClusterTls.Section}:CertificatePassword"] = password;
        });
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        certificate.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Members_SpeakTls_AndResolveAcrossBothSilos()
    {
        var records = new TestRecords();
        var resolver = Cluster.Grains.GetGrain<IResolverGrain>(0);

        // Enough people that their grains land on both silos; each pair shares an email.
        var outcomes = new List<IngestOutcome>();
        for (var i = 0; i < 20; i++)
        {
            outcomes.Add(await resolver.IngestAsync(records.Record($"a{i}", attributes: [("email", records.Email($"p{i}"))])));
            outcomes.Add(await resolver.IngestAsync(records.Record($"b{i}", source: "shop", attributes: [("email", records.Email($"p{i}"))])));
        }

        Assert.Equal(2, Cluster.Cluster.GetActiveSilos().Count());
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(outcomes[2 * i].ProfileId, outcomes[(2 * i) + 1].ProfileId);
            var profile = await resolver.GetProfileAsync(ProfileLookup.ByIdentifier("email", records.Email($"p{i}")), false, ReadPurposes.Stewardship);
            Assert.Equal(2, profile!.Members.Length);
        }
    }

    [Fact]
    public async Task SiloPorts_RefuseAPeerWithoutTheClusterCertificate()
    {
        var silo = Cluster.Cluster.Primary ?? throw new InvalidOperationException("no primary silo");
        var endpoints = new[] { silo.SiloAddress.Endpoint, (silo.GatewayAddress ?? throw new InvalidOperationException("no gateway")).Endpoint };
        using var stranger = TestCertificates.SelfSigned("not-the-cluster");

        foreach (var endpoint in endpoints)
        {
            Assert.False(await HandshakeAsync(endpoint, null), $"{endpoint} accepted a peer without a certificate");
            Assert.False(await HandshakeAsync(endpoint, stranger), $"{endpoint} accepted a stranger's certificate");
            Assert.True(await HandshakeAsync(endpoint, certificate), $"{endpoint} refused the cluster certificate");
        }
    }

    /// <summary>
    /// Whether a TLS session with the silo port holds up when this side presents <paramref name="clientCertificate"/>:
    /// the handshake completes and the silo keeps the connection open rather than dropping it.
    /// </summary>
    private static async Task<bool> HandshakeAsync(System.Net.IPEndPoint endpoint, X509Certificate2? clientCertificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            }).WaitAsync(TimeSpan.FromSeconds(10));

            // With TLS 1.3 a refused client certificate shows on the first read: the server closes the session.
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var read = await tls.ReadAsync(new byte[1], wait.Token);
            return read > 0;
        }
        catch (OperationCanceledException)
        {
            // Nothing to read and nothing closed: the silo waits for this member's Orleans preamble.
            return true;
        }
        catch (Exception e) when (e is AuthenticationException or IOException or TimeoutException)
        {
            return false;
        }
    }
}
