namespace Cdm.Grains.Enrichment;

/// <summary>
/// Reads a list shipped as an embedded text resource under <c>Enrichment/Data</c>: one value a line, trimmed and
/// lower-cased; blank lines and everything after a <c>#</c> are ignored.
/// </summary>
internal static class EmbeddedList
{
    private const string Prefix = "Cdm.Grains.Enrichment.Data.";

    /// <summary>The values of resource <paramref name="fileName"/> (for example <c>nicknames.txt</c>), in file order.</summary>
    /// <exception cref="InvalidOperationException">The resource is not in the assembly (a build mistake).</exception>
    public static IReadOnlyList<string> Read(string fileName)
    {
        using var stream = typeof(EmbeddedList).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidOperationException($"The embedded list '{Prefix + fileName}' is missing.");
        using var reader = new StreamReader(stream);
        var values = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var comment = line.IndexOf('#', StringComparison.Ordinal);
            var value = (comment >= 0 ? line[..comment] : line).Trim().ToLowerInvariant();
            if (value.Length > 0)
            {
                values.Add(value);
            }
        }

        return values;
    }
}
