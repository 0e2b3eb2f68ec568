using Cdm.Api.V1;

namespace Cdm.Cli.Lookup;

/// <summary>The forms a person is named by on the command line: <c>TYPE=VALUE</c> and <c>SOURCE/RECORD_ID</c>.</summary>
public static class LookupText
{
    /// <summary><c>email=a@b.com</c>; the value is everything after the first <c>=</c>, and neither side is empty.</summary>
    public static bool TryIdentifier(string text, out Identifier identifier)
    {
        var ok = TrySplit(text, '=', out var type, out var value);
        identifier = new Identifier { Type = type, Value = value };
        return ok;
    }

    /// <summary><c>crm/12345</c>; the record id is everything after the first <c>/</c>, and neither side is empty.</summary>
    public static bool TrySourceKey(string text, out SourceKey sourceKey)
    {
        var ok = TrySplit(text, '/', out var source, out var recordId);
        sourceKey = new SourceKey { Source = source, RecordId = recordId };
        return ok;
    }

    private static bool TrySplit(string text, char separator, out string left, out string right)
    {
        var at = text.IndexOf(separator, StringComparison.Ordinal);
        (left, right) = at > 0 && at < text.Length - 1 ? (text[..at], text[(at + 1)..]) : ("", "");
        return left.Length > 0;
    }
}
