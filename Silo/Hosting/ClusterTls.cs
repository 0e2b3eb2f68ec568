using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace Cdm.Silo.Hosting;

/// <summary>
/// TLS between the members of a cluster (silo to silo, gateway to silo), when <c>Cdm:Cluster:Tls:CertificatePath</c>
/// names a PKCS#12 file. Every member presents that one cluster certificate and accepts a peer only if it presents
/// the same: mutual TLS pinned to the certificate, so neither a network observer nor a process without the file can
/// join or listen.
/// </summary>
public static class ClusterTls
{
    public const string Section = "Cdm:Cluster:Tls";

    /// <summary>The cluster certificate, or null when TLS between members is not configured.</summary>
    public static X509Certificate2? Certificate(IConfiguration configuration)
    {
        var path = configuration[$"{Section}:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Section}:CertificatePath: no file at {path}.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[$"{Section}:CertificatePassword"]);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"{Section}:CertificatePath: {path} holds no private key; a member must prove it owns the certificate.");
    }

    public static ISiloBuilder UseCdmClusterTls(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (Certificate(configuration) is { } certificate)
        {
            silo.UseTls(certificate, options => Pin(options, certificate));
        }

        return silo;
    }

    public static IClientBuilder UseCdmClusterTls(this IClientBuilder client, IConfiguration configuration)
    {
        if (Certificate(configuration) is { } certificate)
        {
            client.UseTls(certificate, options => Pin(options, certificate));
        }

        return client;
    }

    /// <summary>Both sides must present a certificate, and it must be the cluster's (same thumbprint).</summary>
    private static void Pin(TlsOptions options, X509Certificate2 certificate)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (remote, _, _) => IsClusterCertificate(remote, certificate);
    }

    /// <summary>True when <paramref name="remote"/> is the cluster certificate itself; chain and name do not matter, the pin does.</summary>
    public static bool IsClusterCertificate(X509Certificate2? remote, X509Certificate2 cluster) =>
        remote is not null && remote.RawDataMemory.Span.SequenceEqual(cluster.RawDataMemory.Span);
}
