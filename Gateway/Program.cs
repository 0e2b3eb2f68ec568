using Cdm.Gateway.Hosting;
using Cdm.Operations;

// Settings ship beside the binary, so the service reads them wherever it is started from;
// relative paths such as --data-dir still resolve against the current directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddCdmEmbedded();
// After AddCdmEmbedded, which chooses the gRPC URL: with an operations port, the URLs are bound in code.
builder.AddCdmOperations("embedded");

var app = builder.Build();
app.MapCdmGateway();
app.MapCdmOperations();
app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
    "CdmOrleans embedded service: gRPC on {Urls}, data in {DataDirectory}; no authentication yet, keep it on loopback",
    string.Join(", ", app.ServiceUrls()),
    EmbeddedHostExtensions.DataDirectory(builder.Configuration)));
app.Run();
