using Cdm.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCdmEmbedded();

var app = builder.Build();
app.MapCdmGateway();
app.Run();

/// <summary>Entry point; public so that tests can host the gateway in-process.</summary>
public partial class Program;
