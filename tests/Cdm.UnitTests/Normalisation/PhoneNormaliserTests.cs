using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class PhoneNormaliserTests
{
    [Theory]
    [InlineData("(415) 555-2671", "US", "+14155552671")]
    [InlineData("415.555.2671", "US", "+14155552671")]
    [InlineData(" 1-415-555-2671 ", "US", "+14155552671")]
    [InlineData("415 555 2671 ext. 12", "US", "+14155552671")]
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("030 901820", "de", "+4930901820")]
    public void Phone_NationalNumber_UsesDefaultRegion(string input, string region, string expected)
    {
        var result = new PhoneNormaliser(region).Normalise(input);

        Assert.True(result.IsValid, $"'{input}' in {region} should be valid, got issue '{result.Issue}'");
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("+44 20 7946 0958", "US", "+442079460958")]
    [InlineData("0044 20 7946 0958", "US", "+442079460958")]
    [InlineData("00 1 415 555 2671", "GB", "+14155552671")]
    [InlineData("+1 (415) 555-2671", "DE", "+14155552671")]
    public void Phone_PlusOrDoubleZero_OverridesRegion(string input, string region, string expected)
    {
        var result = new PhoneNormaliser(region).Normalise(input);

        Assert.True(result.IsValid, $"'{input}' should be valid, got issue '{result.Issue}'");
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("555")]
    [InlineData("12")]
    [InlineData("call me")]
    [InlineData("020 7946 0958")]
    [InlineData("+1 000 000 0000")]
    [InlineData("+999 1234 5678")]
    [InlineData("1234567890123456789012345678901234567890123456789012345678901234567890")]
    public void Phone_Invalid_IsKeptAsReceivedAndFlagged(string input)
    {
        var result = new PhoneNormaliser("US").Normalise(input);

        Assert.Equal(input, result.Value);
        Assert.Equal(PhoneNormaliser.InvalidIssue, result.Issue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Phone_Blank_IsDropped(string input)
    {
        Assert.True(new PhoneNormaliser("US").Normalise(input).IsDropped);
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("USA")]
    [InlineData("")]
    public void Phone_UnknownRegion_Throws(string region)
    {
        Assert.ThrowsAny<ArgumentException>(() => new PhoneNormaliser(region));
    }
}
