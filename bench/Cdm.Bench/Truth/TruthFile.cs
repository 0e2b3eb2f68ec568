using CsvHelper;

namespace Cdm.Bench.Truth;

/// <summary>The truth as CSV: <c>source,record_id,component,person</c> with a header.</summary>
public static class TruthFile
{
    private static readonly string[] Header = ["source", "record_id", "component", "person"];

    public static void Write(string path, IEnumerable<TruthEntry> entries)
    {
        using var csv = CsvWriter.Create(File.Create(path), CsvWriterOptions.Default with { Injection = CsvInjection.None, NewLine = "\n" }, leaveOpen: false);
        csv.WriteHeader(Header);
        foreach (var entry in entries)
        {
            csv.WriteField(entry.Source);
            csv.WriteField(entry.RecordId);
            csv.WriteField(entry.Component);
            csv.WriteField(entry.Person);
            csv.EndRecord();
        }
    }

    public static IEnumerable<TruthEntry> Read(string path)
    {
        using var csv = CsvReader.Create(File.OpenText(path), CsvReaderOptions.Default with { Separator = ',', HasHeader = true }, leaveOpen: false);
        var columns = Header.Select(name => Array.IndexOf([.. csv.Headers], name)).ToArray();
        if (columns.Any(c => c < 0))
        {
            throw new InvalidDataException($"{path}: a truth file needs the columns {string.Join(",", Header)}");
        }

        while (csv.Read())
        {
            yield return new TruthEntry(csv.GetString(columns[0]) ?? "", csv.GetString(columns[1]) ?? "",
                csv.GetString(columns[2]) ?? "", csv.GetString(columns[3]) ?? "");
        }
    }
}
