using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class TextNormaliserTests
{
    private readonly TextNormaliser normaliser = new();

    [Theory]
    [InlineData("  Main   Street ", "Main Street")]
    [InlineData("a\tb\r\nc", "a b c")]
    [InlineData("\u00A0Zürich\u2003", "Zürich")]
    [InlineData("Zu\u0308rich", "Zürich")]
    [InlineData("plain", "plain")]
    public void Text_IsTrimmedCollapsedAndComposed(string input, string expected)
    {
        var result = normaliser.Normalise(input);

        Assert.True(result.IsValid, $"'{input}' should be valid, got issue '{result.Issue}'");
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Text_Blank_IsDropped(string input)
    {
        Assert.True(normaliser.Normalise(input).IsDropped);
    }

    [Fact]
    public void CollapseWhitespace_CleanValue_ReturnsSameInstance()
    {
        const string value = "already clean";

        Assert.Same(value, TextNormaliser.CollapseWhitespace(value));
    }
}
