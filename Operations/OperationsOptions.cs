using Cdm.Operations.Logging;

namespace Cdm.Operations;

/// <summary>Settings of the operations endpoints and logs (configuration section <c>Cdm:Operations</c>).</summary>
public sealed class OperationsOptions
{
    public const string Section = "Cdm:Operations";

    /// <summary>
    /// Extra plain-HTTP/1.1 URLs, separated by <c>;</c>, that serve the operations endpoints and nothing else,
    /// e.g. <c>http://0.0.0.0:8080</c>. Empty: the operations endpoints are served on the main URLs.
    /// </summary>
    public string? Urls { get; set; }

    public LogFormat LogFormat { get; set; } = LogFormat.Simple;
}
