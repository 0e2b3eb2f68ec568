using Cdm.Api.V1;
using Spectre.Console;

namespace Cdm.Cli.Lookup;

/// <summary>Prints a profile's history, oldest first.</summary>
public static class HistoryRenderer
{
    public static void Write(IAnsiConsole console, ProfileHistory history)
    {
        var table = new Table().Title($"history of {history.ProfileId}")
            .AddColumns("at", "event", "record", "other profile", "reason");
        foreach (var entry in history.Events)
        {
            var record = entry.Record is { } key ? $"{key.Source}/{key.RecordId}" : "";
            table.AddRow(Cells.Row(Cells.Time(entry.At), Kind(entry.Kind), record, entry.OtherProfileId, entry.Reason));
        }

        console.Write(table);
    }

    private static string Kind(HistoryEventKind kind) => kind switch
    {
        HistoryEventKind.RecordAdded => "record added",
        HistoryEventKind.RecordUpdated => "record updated",
        HistoryEventKind.RecordRemoved => "record removed",
        HistoryEventKind.Absorbed => "absorbed",
        HistoryEventKind.MergedInto => "merged into",
        _ => kind.ToString(),
    };
}
