using Cdm.Grains.Normalisation;
using Microsoft.Extensions.Configuration;

namespace Cdm.UnitTests.Normalisation;

public sealed class NormalisationOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new NormalisationOptions();
        var limits = options.RecordLimits;

        Assert.Equal("US", options.DefaultRegion);
        Assert.Equal(DateOrder.Dmy, options.DateOrder);
        Assert.Equal(["email", "phone"], options.IdentifierAttributes);
        Assert.Equal(
            [128, 256, 200, 64, 4096, 50, 64, 512],
            [limits.MaxSourceLength, limits.MaxRecordIdLength, limits.MaxAttributes, limits.MaxAttributeNameLength,
             limits.MaxAttributeValueLength, limits.MaxIdentifiers, limits.MaxIdentifierTypeLength, limits.MaxIdentifierValueLength]);
        Assert.Equal(TimeSpan.FromDays(1), limits.MaxObservedAtAhead);
        Assert.Equal(new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), limits.MinObservedAt);
        Assert.Contains("n/a", options.BlockedValues.Global);
        Assert.Contains("@example.com", options.BlockedValues.ByType["email"]);
    }

    [Fact]
    public void Binding_FromConfiguration_SetsValuesAndAddsToLists()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Cdm:Normalisation:DefaultRegion"] = "GB",
                ["Cdm:Normalisation:DateOrder"] = "MDY",
                ["Cdm:Normalisation:IdentifierAttributes:0"] = "national_id",
                ["Cdm:Normalisation:BlockedValues:ByType:loyalty_id:0"] = "DEMO",
                ["Cdm:Normalisation:RecordLimits:MaxAttributes"] = "10",
                ["Cdm:Normalisation:RecordLimits:MaxObservedAtAhead"] = "02:00:00",
            })
            .Build();

        var options = configuration.GetSection(NormalisationOptions.SectionName).Get<NormalisationOptions>()!;

        Assert.Equal("GB", options.DefaultRegion);
        Assert.Equal(DateOrder.Mdy, options.DateOrder);
        Assert.Equal(["email", "phone", "national_id"], options.IdentifierAttributes);
        Assert.Equal(["DEMO"], options.BlockedValues.ByType["loyalty_id"]);
        Assert.Contains("test@test.com", options.BlockedValues.ByType["email"]);
        Assert.Equal(10, options.RecordLimits.MaxAttributes);
        Assert.Equal(TimeSpan.FromHours(2), options.RecordLimits.MaxObservedAtAhead);
    }
}
