using CsvHelper;

namespace Cdm.Cli.Records;

/// <summary>Reads CSV rows one at a time into records; a row that cannot be read becomes a malformed line.</summary>
public static class CsvRecordReader
{
    public static IEnumerable<RecordLine> Read(TextReader text, RecordFileOptions options)
    {
        // Malformed rows are skipped by the reader and reported here, in file order, before the next good row.
        var malformed = new Queue<CsvMalformedRecord>();
        var csvOptions = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            // Febrl files put a space after every comma, the header too.
            TrimWhitespace = true,
            SkipEmptyLines = true,
            // One unbalanced quote must cost one line, not silently swallow the rest of the file;
            // quoted values spanning lines are reported as malformed instead.
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = malformed.Enqueue,
        };

        using var csv = CsvReader.Create(text, csvOptions, leaveOpen: true);
        csv.ReadHeader();
        string[] header = [.. csv.Headers];
        if (header.Length == 0)
        {
            throw new RecordFileException("the file is empty: a CSV file needs a header row");
        }

        var mapper = new CsvRowMapper(header, options);
        var fields = new string[header.Length];
        while (true)
        {
            var more = csv.Read();
            while (malformed.TryDequeue(out var bad))
            {
                yield return RecordLine.Malformed(bad.LineNumber, Describe(bad, header.Length));
            }

            if (!more)
            {
                yield break;
            }

            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetString(i) ?? "";
            }

            var (record, truth, error) = mapper.Map(fields);
            yield return error is null ? new RecordLine(csv.LineNumber, record, null, truth) : RecordLine.Malformed(csv.LineNumber, error);
        }
    }

    private static string Describe(CsvMalformedRecord bad, int headerFields) => bad.Reason switch
    {
        CsvMalformedReason.FieldCountMismatch => $"expected {headerFields} fields like the header, found a different number",
        var reason => $"malformed CSV ({reason})",
    };
}
