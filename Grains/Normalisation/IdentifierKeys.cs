using System.Security.Cryptography;
using System.Text;

namespace Cdm.Grains.Normalisation;

/// <summary>Builds identifier grain keys from a type and a normalised value.</summary>
public static class IdentifierKeys
{
    /// <summary>Values longer than this many characters are hashed, so grain keys stay short.</summary>
    public const int MaxPlainValueLength = 96;

    /// <summary>The marker of a hashed value in a key, <c>type:sha256:hex</c>.</summary>
    public const string HashMarker = "sha256:";

    /// <summary>
    /// Returns <c>type:value</c>, or <c>type:sha256:&lt;lower-hex SHA-256 of the UTF-8 value&gt;</c> when the value is
    /// longer than <see cref="MaxPlainValueLength"/> characters. A value that itself starts with <c>sha256:</c> is
    /// hashed too, so no value can pose as the hash of another.
    /// </summary>
    public static string For(string type, string normalisedValue)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(normalisedValue);
        if (normalisedValue.Length <= MaxPlainValueLength && !normalisedValue.StartsWith(HashMarker, StringComparison.OrdinalIgnoreCase))
        {
            return string.Concat(type, ":", normalisedValue);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(normalisedValue), hash);
        return string.Concat(type, ":", HashMarker, Convert.ToHexStringLower(hash));
    }
}
