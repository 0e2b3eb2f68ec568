using Cdm.Gateway.Hosting;

// Settings ship beside the binary, so the service reads them wherever it is started from;
// relative paths such as --data-dir still resolve against the current directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddCdmEmbedded();

var app = builder.Build();
app.MapCdmGateway();
app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
    "CdmOrleans embedded service: gRPC on {Urls}, data in {DataDirectory}; no authentication yet, keep it on loopback",
    string.Join(", ", app.Urls),
    EmbeddedHostExtensions.DataDirectory(builder.Configuration)));
app.Run();
