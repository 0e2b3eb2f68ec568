using Cdm.Gateway.Hosting;
using Cdm.Operations;
using Cdm.Postgres.Hosting;
using Cdm.Silo.Hosting;

// Settings ship beside the binary, so the service reads them wherever it is started from;
// relative paths such as --data-dir still resolve against the current directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var clusterMode = string.Equals(builder.Configuration["Cdm:Mode"], "Cluster", StringComparison.OrdinalIgnoreCase);
if (clusterMode)
{
    builder.AddCdmClusterGateway(ClusterSettings.From(builder.Configuration));
}
else
{
    builder.Configuration.AddCdmDefaults();
    builder.AddCdmEmbedded();
}

// After the mode chose the gRPC URL: with an operations port, the URLs are bound in code.
builder.AddCdmOperations(clusterMode ? "gateway" : "embedded");

var app = builder.Build();
app.MapCdmGateway();
app.MapCdmOperations();
app.Lifetime.ApplicationStarted.Register(() =>
{
    if (clusterMode)
    {
        app.Logger.LogInformation("CdmOrleans gateway: gRPC on {Urls}, cluster {ClusterId}; no authentication yet",
            string.Join(", ", app.ServiceUrls()), builder.Configuration["Cdm:Cluster:ClusterId"] ?? "cdm");
    }
    else
    {
        app.Logger.LogInformation(
            "CdmOrleans embedded service: gRPC on {Urls}, data in {DataDirectory}; no authentication yet, keep it on loopback",
            string.Join(", ", app.ServiceUrls()),
            EmbeddedHostExtensions.DataDirectory(builder.Configuration));
    }
});
app.Run();
