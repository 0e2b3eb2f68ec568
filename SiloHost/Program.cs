using Cdm.Operations;
using Cdm.Postgres.Hosting;
using Cdm.Silo.Hosting;
using Cdm.SiloHost.Hosting;

// A silo of the production cluster. Settings ship beside the binary; environment variables override them.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddCdmDefaults();
var cluster = ClusterSettings.From(builder.Configuration);
using (var startupLogging = LoggerFactory.Create(logging => logging.AddConsole()))
{
    await ClusterSchemaCheck.EnsureAsync(cluster, startupLogging.CreateLogger("Cdm.SiloHost"));
}

builder.AddCdmClusterSilo(cluster);
// This host's HTTP port serves only operations: /healthz, /readyz, /metrics and, when enabled, /dashboard.
builder.AddCdmOperations("silo");
// SIGTERM stops the silo gracefully: it leaves the membership table and deactivates its grains (each one's
// state is already written), so their next calls activate them on the remaining silos. Give that time.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = builder.Configuration.GetValue("Cdm:Silo:ShutdownTimeout", TimeSpan.FromSeconds(60)));

var app = builder.Build();
app.MapCdmOperations();
app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
    "CdmOrleans silo of cluster {ClusterId} started; HTTP on {Urls}", cluster.ClusterId, string.Join(", ", app.Urls)));
await app.RunAsync();
