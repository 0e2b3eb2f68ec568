using System.Globalization;
using Cdm.Api.V1;
using Spectre.Console;

namespace Cdm.Cli.Lookup;

/// <summary>Prints review tasks: a list, or one task with both records side by side.</summary>
public static class ReviewRenderer
{
    public static void WriteList(IAnsiConsole console, IEnumerable<ReviewTask> tasks)
    {
        var table = new Table().AddColumns("task", "kind", "p", "bits", "left", "right");
        foreach (var task in tasks)
        {
            table.AddRow(
                Markup.Escape(task.TaskId),
                Markup.Escape(task.Kind),
                task.Probability.ToString("F3", CultureInfo.InvariantCulture),
                task.Weight.ToString("F1", CultureInfo.InvariantCulture),
                Markup.Escape(Name(task.Left)),
                Markup.Escape(Name(task.Right)));
        }

        console.Write(table);
    }

    public static void WriteTask(IAnsiConsole console, ReviewTask task)
    {
        console.MarkupLineInterpolated(
            $"[bold]{task.TaskId}[/] {task.Kind}, {task.Status}: p={task.Probability.ToString("F3", CultureInfo.InvariantCulture)}, {task.Weight.ToString("F1", CultureInfo.InvariantCulture)} bits, model {task.ModelVersion}{(task.SameProfile ? ", already in one profile" : "")}");
        var table = new Table().AddColumns("attribute", Markup.Escape(Key(task.Left)), Markup.Escape(Key(task.Right)));
        var left = task.Left.Current?.Attributes;
        var right = task.Right.Current?.Attributes;
        var names = (left?.Keys ?? []).Union(right?.Keys ?? []).Order(StringComparer.Ordinal);
        table.AddRow("profile", Markup.Escape(task.Left.ProfileId), Markup.Escape(task.Right.ProfileId));
        foreach (var name in names)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(left?.GetValueOrDefault(name) ?? ""), Markup.Escape(right?.GetValueOrDefault(name) ?? ""));
        }

        console.Write(table);
        var evidence = new Table().AddColumns("field", "level", "bits");
        foreach (var part in task.Evidence)
        {
            evidence.AddRow(Markup.Escape(part.Field), Markup.Escape(part.Level), part.Weight.ToString("+0.00;-0.00;0", CultureInfo.InvariantCulture));
        }

        console.Write(evidence);
    }

    private static string Key(ReviewSide side) => $"{side.Record.Source}/{side.Record.RecordId}";

    private static string Name(ReviewSide side)
    {
        var attributes = side.Current?.Attributes;
        var name = string.Join(' ', new[] { attributes?.GetValueOrDefault("first_name"), attributes?.GetValueOrDefault("last_name") }.Where(v => !string.IsNullOrEmpty(v)));
        return name.Length > 0 ? $"{Key(side)} {name}" : Key(side);
    }
}
