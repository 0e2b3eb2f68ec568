using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class GenderNormaliserTests
{
    private readonly GenderNormaliser normaliser = new();

    [Theory]
    [InlineData("m", "male")]
    [InlineData(" M ", "male")]
    [InlineData("Male", "male")]
    [InlineData("MAN", "male")]
    [InlineData("f", "female")]
    [InlineData("FEMALE", "female")]
    [InlineData("Woman", "female")]
    [InlineData("x", "other")]
    [InlineData("Non-Binary", "other")]
    [InlineData("non  binary", "other")]
    [InlineData("other", "other")]
    public void Gender_CommonForms_AreMapped(string input, string expected)
    {
        var result = normaliser.Normalise(input);

        Assert.True(result.IsValid, $"'{input}' should be valid, got issue '{result.Issue}'");
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("yes")]
    [InlineData("2")]
    public void Gender_Unknown_IsKeptAsReceivedAndFlagged(string input)
    {
        var result = normaliser.Normalise(input);

        Assert.Equal(input, result.Value);
        Assert.Equal(GenderNormaliser.UnknownIssue, result.Issue);
    }
}
