using Cdm.Grains.Survivorship;
using Cdm.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cdm.UnitTests.Hosting;

public sealed class SiloOptionsBindingTests
{
    [Fact]
    public void Sources_AndTheirDefaults_AreBoundFromConfiguration()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cdm:Sources:crm:Party"] = "Zero",
            ["Cdm:Sources:crm:TrustRank"] = "90",
            ["Cdm:SourceDefaults:Party"] = "Third",
            ["Cdm:SourceDefaults:TrustRank"] = "7",
        });
        builder.UseOrleans(silo => silo.AddCdmGrains(builder.Configuration));
        using var host = builder.Build();

        var registry = new SourceRegistry(host.Services.GetRequiredService<IOptions<SourceRegistryOptions>>().Value);

        Assert.Equal(new SourceDefinition("crm", SourceParty.Zero, 90), registry.Get("crm"));
        var unknown = registry.Get("partner-feed");
        Assert.Equal(SourceParty.Third, unknown.Party);
        Assert.Equal(7, unknown.TrustRank);
    }
}
