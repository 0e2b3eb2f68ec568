using Microsoft.Extensions.Logging;

namespace Cdm.Operations.Logging;

public static class LoggingBuilderExtensions
{
    /// <summary>Chooses the console formatter.</summary>
    public static ILoggingBuilder UseCdmLogFormat(this ILoggingBuilder logging, LogFormat format)
    {
        if (format == LogFormat.Simple)
        {
            return logging.AddSimpleConsole();
        }

        // Set here, after the configuration's formatter options are bound: the simple format's "HH:mm:ss "
        // would otherwise become the JSON timestamp too.
        return logging.AddJsonConsole(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    }
}
