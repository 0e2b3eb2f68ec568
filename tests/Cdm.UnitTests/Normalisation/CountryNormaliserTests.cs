using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class CountryNormaliserTests
{
    private readonly CountryNormaliser normaliser = new();

    [Theory]
    [InlineData(" gb ", "GB")]
    [InlineData("us", "US")]
    [InlineData("De", "DE")]
    [InlineData("United   Kingdom ", "United Kingdom")]
    [InlineData("deu", "deu")]
    [InlineData("4x", "4x")]
    public void Country_TwoLetterCode_IsUpperCasedOthersTrimmed(string input, string expected)
    {
        var result = normaliser.Normalise(input);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Country_Blank_IsDropped()
    {
        Assert.True(normaliser.Normalise("  ").IsDropped);
    }
}
