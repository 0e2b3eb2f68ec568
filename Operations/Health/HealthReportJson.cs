using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cdm.Operations.Health;

/// <summary>
/// Writes a health report as JSON, each check with its status and why, so a failing probe names what failed:
/// <c>{"status":"Unhealthy","checks":[{"name":"orleans","status":"Unhealthy","description":"silo s1 is Joining"}]}</c>.
/// </summary>
internal static class HealthReportJson
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is { } description)
            {
                json.WriteString("description", description);
            }

            if (entry.Exception is { } exception)
            {
                json.WriteString("error", exception.Message);
            }

            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 3));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
