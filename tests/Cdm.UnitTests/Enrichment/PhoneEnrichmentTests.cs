using Cdm.Grains.Enrichment;
using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Enrichment;

public sealed class PhoneEnrichmentTests
{
    [Theory]
    [InlineData("+447400123456", "GB", "mobile")]
    [InlineData("+442079460958", "GB", "fixed_line")]
    [InlineData("+18002345678", "US", "toll_free")]
    [InlineData("+14155552671", "US", "fixed_line_or_mobile")]
    [InlineData("+4915123456789", "DE", "mobile")]
    [InlineData("+4930901820", "DE", "fixed_line")]
    public void Describe_ValidNumber_GivesCountryAndLineType(string e164, string country, string lineType)
    {
        var facts = PhoneEnrichment.Describe(e164);

        Assert.NotNull(facts);
        Assert.Equal(country, facts.Country);
        Assert.Equal(lineType, facts.LineType);
    }

    [Fact]
    public void Describe_NormalisedNationalNumber_RoundTrips()
    {
        var normalised = new PhoneNormaliser("GB").Normalise("07400 123456");

        var facts = PhoneEnrichment.Describe(normalised.Value);

        Assert.Equal(new PhoneFacts("GB", "mobile"), facts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("07400123456")]
    [InlineData("+44 7400 123456")]
    [InlineData("+1000")]
    [InlineData("+10000000000")]
    [InlineData("not a phone")]
    public void Describe_NotValidE164_IsNull(string? value)
    {
        Assert.Null(PhoneEnrichment.Describe(value));
    }
}
