using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class PostcodeNormaliserTests
{
    private readonly PostcodeNormaliser normaliser = new();

    [Theory]
    [InlineData(" sw1a  1aa ", "SW1A 1AA")]
    [InlineData("90210-1234", "90210-1234")]
    [InlineData("k1a0b1", "K1A0B1")]
    public void Postcode_IsTrimmedUpperCasedAndCollapsed(string input, string expected)
    {
        var result = normaliser.Normalise(input);

        Assert.True(result.IsValid, $"'{input}' should be valid, got issue '{result.Issue}'");
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("SW1A#1AA")]
    [InlineData("12345!")]
    [InlineData("n/a")]
    public void Postcode_OtherCharacters_IsKeptAsReceivedAndFlagged(string input)
    {
        var result = normaliser.Normalise(input);

        Assert.Equal(input, result.Value);
        Assert.Equal(PostcodeNormaliser.InvalidIssue, result.Issue);
    }
}
