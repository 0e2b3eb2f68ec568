using System.Globalization;
using Cdm.Api.V1;
using Spectre.Console;

namespace Cdm.Cli.Resolution;

/// <summary>Prints a re-resolution's summary: the counts, then the example merges and splits.</summary>
public static class ReResolveReport
{
    public static void Write(IAnsiConsole console, ReResolveSummary summary)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(summary);
        static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
        var model = summary.ModelVersion == 0 ? "no model (identifiers only)" : $"model version {summary.ModelVersion}";
        console.MarkupLineInterpolated($"Re-resolved with {model}, {(summary.Applied ? "[bold]applied[/]" : "shadow mode: nothing changed")}, in {summary.Elapsed.ToTimeSpan().TotalSeconds:F1} s.");
        var table = new Table().AddColumns("", "count");
        table.AddRow("profiles", N(summary.Profiles));
        table.AddRow("records", N(summary.Records));
        table.AddRow("candidate pairs scored", N(summary.CandidatePairs));
        table.AddRow("pairs the model links", N(summary.LinkPairs));
        table.AddRow("would merge: groups", N(summary.WouldMergeGroups));
        table.AddRow("would merge: profiles in them", N(summary.WouldMergeProfiles));
        table.AddRow("would split: profiles", N(summary.WouldSplitProfiles));
        table.AddRow("links refused by do-not-link", N(summary.RefusedByDoNotLink));
        table.AddRow("links refused by identity-graph limits", N(summary.LimitConflicts));
        table.AddRow("pairs kept as stewards accepted them", N(summary.AcceptedLinks));
        if (summary.Applied)
        {
            table.AddRow("merges applied", N(summary.MergesApplied));
            table.AddRow("splits applied", N(summary.SplitsApplied));
        }

        console.Write(table);
        foreach (var example in summary.Examples)
        {
            if (example.Kind == ReResolveChange.Merge)
            {
                console.MarkupLineInterpolated($"[bold]merge[/] {string.Join(" + ", example.ProfileIds)}: {string.Join(", ", example.Groups.SelectMany(static g => g.SourceKeys))}");
                console.MarkupLineInterpolated($"  [dim]{example.Reason}[/]");
            }
            else
            {
                console.MarkupLineInterpolated($"[bold]split[/] {example.ProfileIds.FirstOrDefault()}: {string.Join(" | ", example.Groups.Select(static g => string.Join(", ", g.SourceKeys)))}");
            }
        }
    }
}
