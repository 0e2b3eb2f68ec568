using System.Security.Cryptography;
using System.Text;

namespace Cdm.Grains.Profiles;

/// <summary>
/// Profile ids derive from the source key of the profile's first record, so a retried ingest of that
/// record computes the same id and can never create a twin.
/// </summary>
public static class ProfileIds
{
    public static string FromSourceKey(string sourceKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(sourceKey), hash);
        // 96 bits: collisions are out of reach for any realistic number of profiles.
        return "p" + Convert.ToHexStringLower(hash[..12]);
    }
}
