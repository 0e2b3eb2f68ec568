namespace Cdm.Cli.Records;

/// <summary>
/// An open record file read front to back, one record at a time, so a file of any size fits in memory.
/// Reports how far it has read, for progress.
/// </summary>
public sealed class RecordFileReader : IDisposable
{
    private readonly FileStream stream;
    private readonly StreamReader text;
    private readonly RecordFileOptions options;
    private long position;

    private RecordFileReader(RecordFileOptions options)
    {
        this.options = options;
        stream = new FileStream(options.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        text = new StreamReader(stream);
    }

    /// <summary>Opens the file; throws the usual IO exceptions when it cannot be read.</summary>
    public static RecordFileReader Open(RecordFileOptions options) => new(options);

    /// <summary>The file's size in bytes.</summary>
    public long Length => stream.Length;

    /// <summary>Bytes read so far (ahead of the records returned by up to one buffer); safe from any thread.</summary>
    public long Position => Volatile.Read(ref position);

    public IEnumerable<RecordLine> ReadAll()
    {
        var lines = options.Format == RecordFileFormat.Csv
            ? CsvRecordReader.Read(text, options)
            : JsonLinesRecordReader.Read(text, options);
        foreach (var line in lines)
        {
            Volatile.Write(ref position, stream.Position);
            yield return line;
        }

        Volatile.Write(ref position, stream.Length);
    }

    public void Dispose()
    {
        text.Dispose();
        stream.Dispose();
    }
}
