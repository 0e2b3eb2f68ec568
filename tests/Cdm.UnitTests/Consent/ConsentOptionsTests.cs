using Cdm.Grains.Consent;

namespace Cdm.UnitTests.Consent;

public sealed class ConsentOptionsTests
{
    [Fact]
    public void IsKnown_TheStandardAndTheConfiguredPurposes()
    {
        var options = new ConsentOptions { Purposes = ["loyalty_offers"] };

        Assert.True(options.IsKnown("sms"));
        Assert.True(options.IsKnown("loyalty_offers"));
        Assert.False(options.IsKnown("Loyalty_Offers"));
        Assert.False(options.IsKnown(""));
    }

    [Theory]
    [InlineData("loyalty_offers", true)]
    [InlineData("a2", true)]
    [InlineData("2a", false)]
    [InlineData("Upper", false)]
    [InlineData("with space", false)]
    public void IsValid_OnlyWellFormedNames(string purpose, bool valid)
    {
        Assert.Equal(valid, new ConsentOptions { Purposes = [purpose] }.IsValid());
    }
}
