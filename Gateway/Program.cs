using Cdm.Gateway.Hosting;

// Settings ship beside the binary, so the service reads them wherever it is started from;
// relative paths such as --data-dir still resolve against the current directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddCdmEmbedded();

var app = builder.Build();
app.MapCdmGateway();
app.Run();
