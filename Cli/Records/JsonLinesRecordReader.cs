using Cdm.Api.V1;
using Google.Protobuf;

namespace Cdm.Cli.Records;

/// <summary>Reads one <see cref="SourceRecord"/> per line in protobuf's JSON mapping; blank lines are skipped.</summary>
public static class JsonLinesRecordReader
{
    // Unknown fields are errors: a misspelt field name would otherwise drop data silently.
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(false));

    public static IEnumerable<RecordLine> Read(TextReader text, RecordFileOptions options)
    {
        long lineNumber = 0;
        while (text.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            SourceRecord record;
            string? error = null;
            try
            {
                record = Parser.Parse<SourceRecord>(line);
            }
            catch (Exception e) when (e is InvalidJsonException or InvalidProtocolBufferException or FormatException)
            {
                record = new SourceRecord();
                error = $"not a SourceRecord in JSON: {e.Message}";
            }

            if (error is not null)
            {
                yield return RecordLine.Malformed(lineNumber, error);
                continue;
            }

            var truth = options.TruthColumn is { } column && record.Attributes.TryGetValue(column, out var value) ? value : null;
            yield return new RecordLine(lineNumber, record, null, truth);
        }
    }
}
