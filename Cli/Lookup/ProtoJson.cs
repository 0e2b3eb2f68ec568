using Google.Protobuf;

namespace Cdm.Cli.Lookup;

/// <summary>Protobuf's JSON mapping, indented, for <c>--json</c> output.</summary>
public static class ProtoJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation());

    public static string Format(IMessage message) => Formatter.Format(message);
}
