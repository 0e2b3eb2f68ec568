using Cdm.Api.V1;

namespace Cdm.Bench.Tests.Truth;

/// <summary>Builds test records fluently.</summary>
internal static class SourceRecordExtensions
{
    public static SourceRecord With(this SourceRecord record, string type, string value)
    {
        record.Identifiers.Add(new Identifier { Type = type, Value = value });
        return record;
    }
}
