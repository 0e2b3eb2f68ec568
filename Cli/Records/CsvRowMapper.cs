using System.Globalization;
using Cdm.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace Cdm.Cli.Records;

/// <summary>
/// Turns the fields of one CSV row into a <see cref="SourceRecord"/>, following the column options.
/// Built once from the header, so every row is mapped by column index without lookups.
/// </summary>
public sealed class CsvRowMapper
{
    private readonly string source;
    private readonly int idIndex;
    private readonly int observedAtIndex;
    private readonly int truthIndex;
    private readonly (int Index, string Type)[] identifiers;
    private readonly (int Index, string Attribute)[] attributes;

    public CsvRowMapper(IReadOnlyList<string> header, RecordFileOptions options)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            columns.TryAdd(header[i].Trim(), i);
        }

        int Find(string column, string option) => columns.TryGetValue(column.Trim(), out var index)
            ? index
            : throw new RecordFileException($"{option}: column '{column}' is not in the header ({string.Join(", ", header)})");

        source = options.Source ?? throw new RecordFileException("--source is required for CSV files");
        idIndex = Find(options.IdColumn ?? throw new RecordFileException("--id-column is required for CSV files"), "--id-column");
        observedAtIndex = options.ObservedAtColumn is { } observed ? Find(observed, "--observed-at-column") : -1;
        truthIndex = options.TruthColumn is { } truth ? Find(truth, "--truth-column") : -1;
        identifiers = options.Identifiers.Select(i => (Find(i.Column, "--identifier"), i.Name)).ToArray();

        var mapped = options.Map.ToDictionary(m => Find(m.Column, "--map"), m => m.Name);

        // The id, observed-at and identifier columns have their own place in the record, and the
        // truth must not reach the server, so none of them is imported as an attribute unless mapped.
        var reserved = new HashSet<int>(identifiers.Select(i => i.Index)) { idIndex, observedAtIndex, truthIndex };
        var list = new List<(int, string)>();
        for (var i = 0; i < header.Count; i++)
        {
            if (mapped.TryGetValue(i, out var attribute))
            {
                list.Add((i, attribute));
            }
            else if (!options.OnlyMapped && !reserved.Contains(i) && header[i].Trim().Length > 0)
            {
                list.Add((i, header[i].Trim().ToLowerInvariant()));
            }
        }

        attributes = [.. list];
    }

    /// <summary>Maps one row; the error is set instead when the row cannot make a record.</summary>
    public (SourceRecord? Record, string? Truth, string? Error) Map(IReadOnlyList<string> fields)
    {
        string Field(int index) => index >= 0 && index < fields.Count ? fields[index].Trim() : "";

        var record = new SourceRecord { Source = source, RecordId = Field(idIndex) };
        if (observedAtIndex >= 0 && Field(observedAtIndex) is { Length: > 0 } observed)
        {
            if (!TryParseTimestamp(observed, out var timestamp))
            {
                return (null, null, $"observed-at '{observed}' is not a date or time");
            }

            record.ObservedAt = timestamp;
        }

        // Empty means missing in the files we import (Febrl and most exports), so nothing is sent.
        foreach (var (index, attribute) in attributes)
        {
            if (Field(index) is { Length: > 0 } value)
            {
                record.Attributes[attribute] = value;
            }
        }

        foreach (var (index, type) in identifiers)
        {
            if (Field(index) is { Length: > 0 } value)
            {
                record.Identifiers.Add(new Identifier { Type = type, Value = value });
            }
        }

        var truthValue = truthIndex >= 0 ? Field(truthIndex) : null;
        return (record, truthValue, null);
    }

    /// <summary>Reads ISO 8601 dates and times (UTC unless an offset is given) and compact <c>yyyyMMdd</c>.</summary>
    public static bool TryParseTimestamp(string text, out Timestamp timestamp)
    {
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, styles, out var compact)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, styles, out compact))
        {
            timestamp = Timestamp.FromDateTimeOffset(compact);
            return true;
        }

        timestamp = new Timestamp();
        return false;
    }
}
