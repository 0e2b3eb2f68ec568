using System.Security.Cryptography;
using System.Text;

namespace Cdm.Grains.Privacy.Erasure;

/// <summary>
/// The salted hash a suppression entry holds: HMAC-SHA-256 of an identifier key (<c>email:…</c>, <c>phone:…</c>,
/// <c>src:&lt;source&gt;:&lt;record id&gt;</c>) under the cluster's secret, base64url. Keyed so that the list alone does
/// not let anyone test a guessed email against it; deterministic so that the same key always finds its entry.
/// </summary>
public static class SuppressionHasher
{
    /// <summary>The length of a new secret, in bytes.</summary>
    public const int SecretLength = 32;

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretLength);

    public static string Hash(byte[] secret, string key)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(key), mac);
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
