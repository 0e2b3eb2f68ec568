namespace Cdm.Contracts.Records;

/// <summary>Builds the source key of a record, the identifier that finds a record's profile on update.</summary>
public static class SourceKeys
{
    public const string Prefix = "src:";

    public static string For(string source, string recordId) => $"{Prefix}{source}:{recordId}";
}
