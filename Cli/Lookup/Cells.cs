using Google.Protobuf.WellKnownTypes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cdm.Cli.Lookup;

/// <summary>Table cells as plain text: values come from source data and may contain markup brackets.</summary>
public static class Cells
{
    public static IRenderable[] Row(params string?[] values) => [.. values.Select(v => (IRenderable)new Text(v ?? ""))];

    public static string Time(Timestamp? timestamp) =>
        timestamp is null ? "" : timestamp.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
