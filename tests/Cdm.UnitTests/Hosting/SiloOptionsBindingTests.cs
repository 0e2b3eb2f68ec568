using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Cdm.Grains.Enrichment;
using Cdm.Grains.Normalisation;
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

    [Theory]
    [InlineData(null, true)]
    [InlineData("false", false)]
    public void Enrichment_IsOnByDefault_AndTurnedOffByConfiguration(string? enabled, bool expectDerived)
    {
        var builder = Host.CreateApplicationBuilder();
        if (enabled is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cdm:Enrichment:Enabled"] = enabled });
        }

        builder.UseOrleans(silo => silo.AddCdmGrains(builder.Configuration));
        using var host = builder.Build();

        var record = new IncomingRecord("crm", "1", null, ImmutableDictionary<string, string>.Empty.Add("email", "ada@gmail.com"), []);
        var version = host.Services.GetRequiredService<RecordNormaliser>().Normalise(record, DateTimeOffset.UtcNow).Version!;

        Assert.Equal(expectDerived, host.Services.GetRequiredService<IOptions<EnrichmentOptions>>().Value.Enabled);
        Assert.Equal(expectDerived ? "gmail.com" : null, version.DerivedAttributes.GetValueOrDefault("email_domain"));
    }
}
