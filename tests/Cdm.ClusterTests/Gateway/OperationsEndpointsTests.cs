using System.Globalization;
using System.Net;
using System.Text.Json;
using Cdm.Api.V1;

namespace Cdm.ClusterTests.Gateway;

/// <summary>
/// The operations endpoints of the embedded service as a process, read as a probe or Prometheus would: plain
/// HTTP/1.1 on the operations port. The tests of this class share one host and run one after another.
/// </summary>
public sealed class OperationsEndpointsTests(OperationsHostFixture fixture) : IClassFixture<OperationsHostFixture>
{
    private readonly HttpClient http = new();

    private EmbeddedHost Host => fixture.Host;

    private string Operations => Host.OperationsUrl!;

    [Fact]
    public async Task Healthz_AndReadyz_AreOkOnceTheServiceServes()
    {
        var live = await http.GetAsync($"{Operations}/healthz");
        var ready = await http.GetAsync($"{Operations}/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpVersion.Version11, live.Version);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var orleans = Assert.Single(report.RootElement.GetProperty("checks").EnumerateArray());
        Assert.Equal("orleans", orleans.GetProperty("name").GetString());
        Assert.EndsWith("is Active", orleans.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Metrics_CountTheIngestedRecordsAndTheMerge()
    {
        var source = "ops-" + Guid.NewGuid().ToString("N")[..8];
        // Two profiles, one found by email and one by phone, then a record with both: it merges them.
        var results = new[]
        {
            await Host.Ingestion.IngestAsync(Record(source, "1", ("email", $"a@{source}.example"))),
            await Host.Ingestion.IngestAsync(Record(source, "2", ("phone", "+61 2 9374 4000"))),
            await Host.Ingestion.IngestAsync(Record(source, "3", ("email", $"a@{source}.example"), ("phone", "+61293744000"))),
        };
        var unchanged = await Host.Ingestion.IngestAsync(Record(source, "1", ("email", $"a@{source}.example")));

        var scrape = await http.GetAsync($"{Operations}/metrics");
        var text = await scrape.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal([IngestStatus.Created, IngestStatus.Created, IngestStatus.Merged], results.Select(r => r.Status));
        Assert.Equal(IngestStatus.Unchanged, unchanged.Status);
        Assert.Equal(2, Sample(text, "cdm_records_ingested_total", "outcome=\"created\""));
        Assert.Equal(1, Sample(text, "cdm_records_ingested_total", "outcome=\"merged\""));
        Assert.Equal(1, Sample(text, "cdm_records_ingested_total", "outcome=\"unchanged\""));
        Assert.Equal(1, Sample(text, "cdm_merges_completed_total"));
        Assert.Equal(4, SumOf(text, "cdm_resolution_duration_milliseconds_count"));
        Assert.Equal(4, SumOf(text, "cdm_gateway_ingest_duration_milliseconds_count"));
        // Orleans', ASP.NET Core's and the runtime's meters are exported too.
        Assert.Contains("\norleans_", text);
        Assert.Contains("\nhttp_server_request_duration_seconds_bucket", text);
        Assert.Contains("\ndotnet_gc_collections_total", text);
    }

    [Fact]
    public async Task Dashboard_IsServedOnTheOperationsPort()
    {
        var dashboard = await http.GetAsync($"{Operations}/dashboard");

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Orleans Dashboard", await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OperationsEndpoints_AreNotServedOnTheGrpcPort()
    {
        using var h2c = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var metrics = await h2c.GetAsync($"{Host.Url}/metrics");

        Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
    }

    [Fact]
    public void Logs_AreJsonObjectsWithCategoryAndLevel()
    {
        var started = Host.LogLines.Single(l => l.Contains("CdmOrleans embedded service", StringComparison.Ordinal));

        using var entry = JsonDocument.Parse(started);

        Assert.Equal("Cdm.Gateway", entry.RootElement.GetProperty("Category").GetString());
        Assert.Equal("Information", entry.RootElement.GetProperty("LogLevel").GetString());
        Assert.Contains(Host.Url, entry.RootElement.GetProperty("Message").GetString());
        Assert.DoesNotContain(Operations, entry.RootElement.GetProperty("Message").GetString());
    }

    /// <summary>The value of the one sample of <paramref name="metric"/> whose labels include <paramref name="label"/>.</summary>
    private static double Sample(string exposition, string metric, string label = "") =>
        Samples(exposition, metric).Where(s => s.Labels.Contains(label, StringComparison.Ordinal)).Select(s => s.Value).DefaultIfEmpty(0).Single();

    private static double SumOf(string exposition, string metric) => Samples(exposition, metric).Sum(s => s.Value);

    /// <summary>Samples of one metric in the Prometheus text format: <c>name{labels} value [timestamp]</c>.</summary>
    private static IEnumerable<(string Labels, double Value)> Samples(string exposition, string metric) =>
        exposition.Split('\n')
            .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) || line.StartsWith(metric + " ", StringComparison.Ordinal))
            .Select(line =>
            {
                var labelsEnd = line.IndexOf('}');
                var labels = labelsEnd < 0 ? "" : line[(metric.Length + 1)..labelsEnd];
                var value = line[(labelsEnd < 0 ? metric.Length : labelsEnd + 1)..].Trim().Split(' ')[0];
                return (labels, double.Parse(value, CultureInfo.InvariantCulture));
            });

    private static SourceRecord Record(string source, string id, params (string Name, string Value)[] attributes)
    {
        var record = new SourceRecord { Source = source, RecordId = id };
        foreach (var (name, value) in attributes)
        {
            record.Attributes.Add(name, value);
        }

        return record;
    }
}
