namespace Cdm.Cli.Evaluation;

/// <summary>The source key of a record: its source and its id inside that source.</summary>
public readonly record struct RecordKey(string Source, string RecordId)
{
    public override string ToString() => $"{Source}/{RecordId}";
}
