using System.Collections.Immutable;

namespace Cdm.Bench.ModelEvaluation;

/// <summary>
/// Readers of the labelled data sets in <c>/work/shared/data</c>. Both files are plain comma-separated text without
/// quoting; a field that is empty after trimming is missing and left out of the attributes.
/// </summary>
public static class LabelledCsv
{
    /// <summary>
    /// Reads a Febrl file (<c>rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state,
    /// date_of_birth, soc_sec_id</c>, a space after each comma). The truth is the N of <c>rec-N-org</c> / <c>rec-N-dup-k</c>.
    /// </summary>
    public static IReadOnlyList<LabelledRecord> ReadFebrl(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var columns = new (string Source, string Attribute)[]
        {
            ("given_name", "first_name"),
            ("surname", "last_name"),
            ("date_of_birth", "birth_date"),
            ("soc_sec_id", "national_id"),
            ("street_number", "street_number"),
            ("address_1", "address_line1"),
            ("address_2", "address_line2"),
            ("suburb", "city"),
            ("postcode", "postcode"),
            ("state", "region"),
        };
        return Read(reader, "rec_id", columns, TruthOfFebrlId, ("country", "AU"));
    }

    /// <summary>Reads the Splink file (<c>unique_id, first_name, surname, dob, city, email, cluster</c>); the truth is <c>cluster</c>.</summary>
    public static IReadOnlyList<LabelledRecord> ReadSplink(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var columns = new (string Source, string Attribute)[]
        {
            ("first_name", "first_name"),
            ("surname", "last_name"),
            ("dob", "birth_date"),
            ("city", "city"),
            ("email", "email"),
        };
        return Read(reader, "unique_id", columns, null, null, truthColumn: "cluster");
    }

    /// <summary>The entity of a Febrl record id: <c>rec-12-dup-3</c> gives <c>12</c>.</summary>
    public static string TruthOfFebrlId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var parts = id.Split('-');
        if (parts.Length < 3 || parts[0] != "rec" || (parts[2] != "org" && parts[2] != "dup"))
        {
            throw new InvalidDataException($"'{id}' is not a Febrl record id (rec-N-org or rec-N-dup-k).");
        }

        return parts[1];
    }

    private static List<LabelledRecord> Read(
        TextReader reader,
        string idColumn,
        (string Source, string Attribute)[] columns,
        Func<string, string>? truthOfId,
        (string Attribute, string Value)? constant,
        string? truthColumn = null)
    {
        var header = reader.ReadLine() ?? throw new InvalidDataException("The file is empty.");
        var names = Split(header);
        int Index(string name)
        {
            var index = Array.IndexOf(names, name);
            return index >= 0 ? index : throw new InvalidDataException($"The header has no column '{name}'.");
        }

        var idIndex = Index(idColumn);
        var truthIndex = truthColumn is null ? -1 : Index(truthColumn);
        var indices = columns.Select(c => (Index: Index(c.Source), c.Attribute)).ToArray();
        var records = new List<LabelledRecord>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line);
            if (fields.Length != names.Length)
            {
                throw new InvalidDataException($"Line {lineNumber} has {fields.Length} fields, the header {names.Length}.");
            }

            var id = fields[idIndex];
            var truth = truthIndex >= 0 ? fields[truthIndex] : truthOfId!(id);
            var attributes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (index, attribute) in indices)
            {
                if (fields[index].Length > 0)
                {
                    attributes[attribute] = fields[index];
                }
            }

            if (constant is { } c)
            {
                attributes[c.Attribute] = c.Value;
            }

            records.Add(new LabelledRecord(id, truth, attributes.ToImmutable()));
        }

        return records;
    }

    private static string[] Split(string line)
    {
        if (line.Contains('"', StringComparison.Ordinal))
        {
            throw new InvalidDataException("Quoted fields are not supported by this reader.");
        }

        return line.Split(',').Select(f => f.Trim()).ToArray();
    }
}
