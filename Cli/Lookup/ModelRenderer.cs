using System.Globalization;
using System.Text.Json;
using Cdm.Api.V1;
using Spectre.Console;

namespace Cdm.Cli.Lookup;

/// <summary>Prints a model document as a table: per comparison and level, m, u and the weight in bits.</summary>
public static class ModelRenderer
{
    public static void Write(IAnsiConsole console, ModelVersion model)
    {
        console.MarkupLineInterpolated($"Model version [bold]{model.Version}[/]{(model.Active ? " (active)" : "")}: {model.Description}");
        using var document = JsonDocument.Parse(model.Document);
        var root = document.RootElement;
        console.MarkupLineInterpolated(
            $"prior λ {Number(root, "lambda")}, link at p ≥ {Number(root, "threshold")}, review at p ≥ {(root.TryGetProperty("reviewThreshold", out var review) && review.ValueKind == JsonValueKind.Number ? review.GetDouble().ToString("G4", CultureInfo.InvariantCulture) : Number(root, "threshold"))}");
        var table = new Table().AddColumns("field", "level", "m", "u", "bits");
        foreach (var comparison in root.GetProperty("comparisons").EnumerateArray())
        {
            var field = comparison.GetProperty("field").GetString() ?? "";
            foreach (var level in comparison.GetProperty("levels").EnumerateArray().Skip(1))
            {
                var m = level.GetProperty("m").GetDouble();
                var u = level.GetProperty("u").GetDouble();
                table.AddRow(Markup.Escape(field), Markup.Escape(level.GetProperty("name").GetString() ?? ""),
                    m.ToString("G4", CultureInfo.InvariantCulture), u.ToString("G4", CultureInfo.InvariantCulture),
                    Math.Log2(m / u).ToString("+0.00;-0.00", CultureInfo.InvariantCulture));
                field = "";
            }
        }

        console.Write(table);
    }

    private static string Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("G4", CultureInfo.InvariantCulture) : "?";
}
