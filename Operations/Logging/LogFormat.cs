namespace Cdm.Operations.Logging;

/// <summary>How the console logs are written (<c>Cdm:Operations:LogFormat</c>).</summary>
public enum LogFormat
{
    /// <summary>One readable line per entry, as <c>Logging:Console:FormatterOptions</c> sets it up.</summary>
    Simple,

    /// <summary>One JSON object per line with its scopes and a UTC timestamp, for log collectors.</summary>
    Json,
}
