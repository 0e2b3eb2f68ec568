using Cdm.Grains.Survivorship;

namespace Cdm.UnitTests.Survivorship;

public sealed class SourceRegistryTests
{
    [Fact]
    public void Get_KnownSource_ReturnsConfiguredPartyAndRank()
    {
        var registry = TestRecords.Sources();

        Assert.Equal(new SourceDefinition("partner", SourceParty.Second, 3), registry.Get("partner"));
    }

    [Fact]
    public void Get_UnknownSource_GetsFirstPartyAndRankZero()
    {
        var registry = new SourceRegistry(new SourceRegistryOptions());

        var definition = registry.Get("newfeed");

        Assert.Equal(new SourceDefinition("newfeed", SourceParty.First, 0), definition);
        Assert.False(registry.TryGet("newfeed", out _), "an unknown source must not appear configured");
    }

    [Fact]
    public void Get_UnknownSource_UsesConfiguredDefaults()
    {
        var registry = new SourceRegistry(new SourceRegistryOptions { DefaultParty = SourceParty.Third, DefaultTrustRank = -1 });

        Assert.Equal(new SourceDefinition("newfeed", SourceParty.Third, -1), registry.Get("newfeed"));
    }

    [Fact]
    public void TryGet_MatchesNamesCaseInsensitively()
    {
        var registry = TestRecords.Sources();

        Assert.True(registry.TryGet("CRM", out var definition));
        Assert.Equal(5, definition.TrustRank);
        Assert.Equal(5, registry.Known.Count);
    }

    [Fact]
    public void Constructor_RejectsUndefinedParty()
    {
        var options = new SourceRegistryOptions();
        options.Sources["crm"] = new SourceOptions { Party = (SourceParty)9 };

        var error = Assert.Throws<ArgumentException>(() => new SourceRegistry(options));

        Assert.Contains("Cdm:Sources:crm:Party", error.Message, StringComparison.Ordinal);
    }
}
