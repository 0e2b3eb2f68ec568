using System.Security.Cryptography;
using System.Text;

namespace Cdm.Grains.Security;

/// <summary>
/// The form of an API key, <c>cdm_&lt;16 hex id&gt;_&lt;43 base64url secret&gt;</c>, and how its secret is kept and
/// checked. The secret is 256 random bits, so one SHA-256 of it is as safe to store as a slow password hash and
/// costs nothing to check on every call.
/// </summary>
public static class ApiKeySecrets
{
    private const string Prefix = "cdm_";
    private const int IdLength = 16;
    private const int SecretBytes = 32;

    /// <summary>A new key: its id, the full key to hand out once, and the hash to store.</summary>
    public static (string Id, string Key, string SecretSha256) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, string.Concat(Prefix, id, "_", secret), Hash(secret));
    }

    /// <summary>Splits a presented key into id and secret; false for anything not of the form.</summary>
    public static bool TryParse(string? key, out string id, out string secret)
    {
        id = secret = "";
        if (key is null || key.Length < Prefix.Length + IdLength + 2 || key.Length > 256
            || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var idPart = key.AsSpan(Prefix.Length, IdLength);
        foreach (var c in idPart)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        id = idPart.ToString();
        secret = key[(Prefix.Length + IdLength + 1)..];
        return true;
    }

    /// <summary>The stored form of a secret: lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="storedSha256"/>, compared in constant time.</summary>
    public static bool Matches(string secret, string storedSha256) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedSha256));
}
