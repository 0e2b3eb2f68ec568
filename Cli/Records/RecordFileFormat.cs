namespace Cdm.Cli.Records;

/// <summary>The layouts a record file can have.</summary>
public enum RecordFileFormat
{
    /// <summary>One <c>SourceRecord</c> per line in protobuf's JSON mapping.</summary>
    JsonLines,

    /// <summary>Comma-separated values with a header row, mapped to records by column options.</summary>
    Csv,
}
