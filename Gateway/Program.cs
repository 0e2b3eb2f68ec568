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

// Before the operations port moves the URLs into code, while configuration still names them all.
Cdm.Gateway.Security.AuthRegistration.EnsureSafeBinding(builder.Configuration);

// After the mode chose the gRPC URL: with an operations port, the URLs are bound in code.
builder.AddCdmOperations(clusterMode ? "gateway" : "embedded");

var app = builder.Build();
app.MapCdmGateway();
app.MapCdmOperations();
app.Lifetime.ApplicationStarted.Register(() =>
{
    var access = Cdm.Gateway.Security.AuthRegistration.Describe(builder.Configuration);
    if (clusterMode)
    {
        app.Logger.LogInformation("CdmOrleans gateway: gRPC on {Urls}, cluster {ClusterId}; {Access}",
            string.Join(", ", app.ServiceUrls()), builder.Configuration["Cdm:Cluster:ClusterId"] ?? "cdm", access);
    }
    else
    {
        app.Logger.LogInformation(
            "CdmOrleans embedded service: gRPC on {Urls}, data in {DataDirectory}; {Access}",
            string.Join(", ", app.ServiceUrls()),
            EmbeddedHostExtensions.DataDirectory(builder.Configuration),
            access);
    }
});
app.Run();
