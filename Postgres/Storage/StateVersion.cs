using System.Globalization;

namespace Cdm.Postgres.Storage;

/// <summary>ETags are the row's version as invariant text, as in the SQLite storage.</summary>
internal static class StateVersion
{
    /// <summary>False for anything that is not a version: such an ETag cannot match a stored row.</summary>
    public static bool TryParse(string etag, out long version) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out version);

    public static string Format(long version) => version.ToString(CultureInfo.InvariantCulture);
}
