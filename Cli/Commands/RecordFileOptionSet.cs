using System.CommandLine;
using System.CommandLine.Parsing;
using Cdm.Cli.Records;

namespace Cdm.Cli.Commands;

/// <summary>The options that say how to read a record file; shared by <c>import</c> and <c>evaluate</c>.</summary>
public sealed class RecordFileOptionSet
{
    private readonly Argument<string> file = new("FILE")
    {
        Description = "JSON Lines of cdm.v1.SourceRecord (.jsonl, .ndjson, .json) or CSV with a header row (.csv); " +
            "a CSV value may be quoted but not span lines.",
    };

    private readonly Option<string?> format = new("--format")
    {
        Description = "File format when the extension does not tell: csv or jsonl.",
    };

    private readonly Option<string?> source = new("--source")
    {
        Description = "Source system name given to every CSV record (required for CSV).",
        HelpName = "NAME",
    };

    private readonly Option<string?> idColumn = new("--id-column")
    {
        Description = "CSV column holding the record id (required for CSV).",
        HelpName = "C",
    };

    private readonly Option<string[]> map = new("--map")
    {
        Description = "Import CSV column as this attribute, e.g. --map given_name=first_name (repeatable). " +
            "Other columns are imported under their own name, lower-cased, unless --only-mapped.",
        HelpName = "column=attribute",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string[]> identifier = new("--identifier")
    {
        Description = "CSV column holding an external identifier of this type, e.g. --identifier crm=crm_id (repeatable).",
        HelpName = "column=type",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };

    private readonly Option<string?> observedAtColumn = new("--observed-at-column")
    {
        Description = "CSV column holding when the source observed the record (ISO 8601 or yyyyMMdd).",
        HelpName = "C",
    };

    private readonly Option<bool> onlyMapped = new("--only-mapped")
    {
        Description = "Import only the CSV columns named by --map.",
    };

    public RecordFileOptionSet()
    {
        format.AcceptOnlyFromAmong("csv", "jsonl");
        map.Validators.Add(result => ValidateAssignments(result, "--map"));
        identifier.Validators.Add(result => ValidateAssignments(result, "--identifier"));
    }

    /// <summary>Whether FILE was given (always, unless <see cref="AddTo"/> was asked to make it optional).</summary>
    public bool HasFile(ParseResult parse) => parse.GetValue(file) is not null;

    public void AddTo(Command command, bool fileOptional = false)
    {
        if (fileOptional)
        {
            file.Arity = ArgumentArity.ZeroOrOne;
        }

        command.Arguments.Add(file);
        command.Options.Add(format);
        command.Options.Add(source);
        command.Options.Add(idColumn);
        command.Options.Add(map);
        command.Options.Add(identifier);
        command.Options.Add(observedAtColumn);
        command.Options.Add(onlyMapped);
        command.Validators.Add(result =>
        {
            var path = result.GetValue(file);
            if (path is null)
            {
                return;
            }

            if (Resolve(path, result.GetValue(format)) is null)
            {
                result.AddError($"cannot tell the format of '{path}' from its extension: give --format csv or --format jsonl");
                return;
            }

            foreach (var error in Bind(result.GetValue(file)!, result.GetValue(format), result.GetValue(source), result.GetValue(idColumn),
                         result.GetValue(map), result.GetValue(identifier), result.GetValue(observedAtColumn),
                         result.GetValue(onlyMapped), null).Validate())
            {
                result.AddError(error);
            }
        });
    }

    /// <summary>The options as given; call only after parsing succeeded.</summary>
    public RecordFileOptions Bind(ParseResult parse, string? truthColumn = null) =>
        Bind(parse.GetValue(file)!, parse.GetValue(format), parse.GetValue(source), parse.GetValue(idColumn),
            parse.GetValue(map), parse.GetValue(identifier), parse.GetValue(observedAtColumn), parse.GetValue(onlyMapped),
            truthColumn);

    private static RecordFileOptions Bind(string path, string? format, string? source, string? idColumn, string[]? map,
        string[]? identifiers, string? observedAtColumn, bool onlyMapped, string? truthColumn) => new()
        {
            Path = path,
            Format = Resolve(path, format) ?? RecordFileFormat.JsonLines,
            Source = source,
            IdColumn = idColumn,
            Map = Assignments(map),
            Identifiers = Assignments(identifiers),
            ObservedAtColumn = observedAtColumn,
            OnlyMapped = onlyMapped,
            TruthColumn = truthColumn,
        };

    private static RecordFileFormat? Resolve(string path, string? format) => format switch
    {
        "csv" => RecordFileFormat.Csv,
        "jsonl" => RecordFileFormat.JsonLines,
        _ => RecordFileOptions.FormatFromExtension(path),
    };

    private static List<ColumnAssignment> Assignments(string[]? values) =>
        [.. (values ?? []).Select(v => ColumnAssignment.TryParse(v, out var a) ? a! : null).OfType<ColumnAssignment>()];

    private static void ValidateAssignments(OptionResult result, string name)
    {
        foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
        {
            if (!ColumnAssignment.TryParse(value, out _))
            {
                result.AddError($"{name} expects column=name, not '{value}'");
            }
        }
    }
}
