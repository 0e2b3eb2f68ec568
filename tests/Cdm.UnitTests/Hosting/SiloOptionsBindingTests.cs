using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Cdm.Grains.Enrichment;
using Cdm.Grains.Normalisation;
using Cdm.Grains.Privacy;
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

    [Fact]
    public void Privacy_PolicyIsBoundFromConfiguration_OverTheDefaults()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cdm:Consent:Purposes:0"] = "loyalty",
            ["Cdm:Privacy:AttributeClasses:loyalty_tier"] = "commercial",
            ["Cdm:Privacy:Purposes:analytics:Classes:0"] = "commercial",
            ["Cdm:Privacy:Purposes:loyalty:Classes:0"] = "name",
            ["Cdm:Privacy:Purposes:loyalty:Classes:1"] = "commercial",
        });
        builder.UseOrleans(silo => silo.AddCdmGrains(builder.Configuration));
        using var host = builder.Build();

        var policy = host.Services.GetRequiredService<ReadPolicy>();

        Assert.Equal("commercial", policy.ClassOf("loyalty_tier"));
        Assert.Equal("analytics", policy.ConsentOf("analytics"));
        Assert.Equal("loyalty", policy.ConsentOf("loyalty"));
        Assert.True(policy.IsKnown("sms"));
        var grant = policy.Grant("analytics", p => new Cdm.Grains.Consent.EffectiveConsent(p, null, false));
        Assert.Equal(Contracts.Privacy.WithholdReason.NotForPurpose, grant.ReasonFor(AttributeClass.Demographic));
    }

    [Fact]
    public void Privacy_PolicyNamingAnUnknownClass_FailsValidationWithEveryProblem()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cdm:Privacy:Purposes:analytics:Classes:0"] = "demographics",
            ["Cdm:Privacy:Purposes:analytics:Consent"] = "web_tracking",
        });
        builder.UseOrleans(silo => silo.AddCdmGrains(builder.Configuration));
        using var host = builder.Build();

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<PrivacyOptions>>().Value);

        Assert.Equal(2, failure.Failures.Count());
        Assert.Contains(failure.Failures, f => f.Contains("'demographics' is not a class", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("'web_tracking' is not a consent purpose", StringComparison.Ordinal));
    }
}
