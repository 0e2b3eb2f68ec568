namespace Cdm.Cli.Records;

/// <summary>How to read records from a file: its format and, for CSV, how columns become a record.</summary>
public sealed record RecordFileOptions
{
    public required string Path { get; init; }

    public required RecordFileFormat Format { get; init; }

    /// <summary>Source name given to every CSV record.</summary>
    public string? Source { get; init; }

    /// <summary>CSV column holding the record id.</summary>
    public string? IdColumn { get; init; }

    /// <summary>CSV columns imported under another attribute name.</summary>
    public IReadOnlyList<ColumnAssignment> Map { get; init; } = [];

    /// <summary>CSV columns that become external identifiers of the given type.</summary>
    public IReadOnlyList<ColumnAssignment> Identifiers { get; init; } = [];

    /// <summary>CSV column holding the record's observed-at time.</summary>
    public string? ObservedAtColumn { get; init; }

    /// <summary>Import only the mapped CSV columns instead of every column under its own name.</summary>
    public bool OnlyMapped { get; init; }

    /// <summary>
    /// Column (CSV) or attribute (JSON Lines) whose value names the true entity, for evaluation;
    /// null when not evaluating.
    /// </summary>
    public string? TruthColumn { get; init; }

    /// <summary>Picks the format from the file's extension; null when the extension says nothing.</summary>
    public static RecordFileFormat? FormatFromExtension(string path) =>
        System.IO.Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => RecordFileFormat.Csv,
            ".jsonl" or ".ndjson" or ".json" => RecordFileFormat.JsonLines,
            _ => null,
        };

    /// <summary>What is wrong with these options before the file is opened; empty when nothing.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Format != RecordFileFormat.Csv)
        {
            return errors;
        }

        if (string.IsNullOrWhiteSpace(Source))
        {
            errors.Add("--source is required for CSV files");
        }

        if (string.IsNullOrWhiteSpace(IdColumn))
        {
            errors.Add("--id-column is required for CSV files");
        }

        var attributes = Map.GroupBy(m => m.Name, StringComparer.Ordinal).Where(g => g.Count() > 1);
        errors.AddRange(attributes.Select(g => $"attribute '{g.Key}' is mapped from more than one column"));
        return errors;
    }
}
