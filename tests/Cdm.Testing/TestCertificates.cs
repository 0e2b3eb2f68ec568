using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cdm.Testing;

/// <summary>Self-signed certificates for TLS tests, written as PKCS#12 files the services load from configuration.</summary>
public static class TestCertificates
{
    /// <summary>A certificate for 127.0.0.1 and localhost valid for a day, good for server and client authentication.</summary>
    public static X509Certificate2 SelfSigned(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

    /// <summary>Writes <paramref name="certificate"/> with its private key to <paramref name="path"/>; returns the password.</summary>
    public static string WritePfx(X509Certificate2 certificate, string path)
    {
        var password = Guid.NewGuid().ToString("N");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return password;
    }
}
