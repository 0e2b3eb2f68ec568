namespace Cdm.Cli.Records;

/// <summary>The file does not fit the options given for it (a missing column, no header).</summary>
public sealed class RecordFileException(string message) : Exception(message);
