using System.Text.Json;
using Spectre.Console;

namespace Cdm.Cli.Evaluation;

/// <summary>Prints an evaluation for people, or as JSON for scripts.</summary>
public static class EvaluationReport
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static void Write(IAnsiConsole console, EvaluationResult result)
    {
        var m = result.Metrics;
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(new Text(name), new Text(value));
        Row("precision", $"{m.Precision:F4}");
        Row("recall", $"{m.Recall:F4}");
        Row("F1", $"{m.F1:F4}");
        Row("records scored", $"{m.Records:N0}");
        Row("true pairs", $"{m.TruePairs:N0}");
        Row("predicted pairs", $"{m.PredictedPairs:N0}");
        Row("correct pairs", $"{m.CorrectPairs:N0}");
        Row("true entities", $"{m.TrueEntities:N0}");
        Row("predicted profiles", $"{m.PredictedProfiles:N0}");
        Row("records missing from xref", $"{result.MissingFromXref:N0}");
        Row("records without truth", $"{result.WithoutTruth:N0}");
        Row("malformed lines", $"{result.Malformed:N0}");
        Row("repeated records", $"{result.Duplicates:N0}");
        console.Write(table);
        foreach (var missing in result.FirstMissing)
        {
            console.WriteLine($"missing from xref: {missing}");
        }
    }

    public static string ToJson(EvaluationResult result)
    {
        var m = result.Metrics;
        return JsonSerializer.Serialize(new
        {
            m.Precision,
            m.Recall,
            m.F1,
            RecordsScored = m.Records,
            m.TruePairs,
            m.PredictedPairs,
            m.CorrectPairs,
            m.TrueEntities,
            m.PredictedProfiles,
            result.RecordsRead,
            result.MissingFromXref,
            result.WithoutTruth,
            result.Malformed,
            RepeatedRecords = result.Duplicates,
            result.FirstMissing,
        }, JsonOptions);
    }
}
