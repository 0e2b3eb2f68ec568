using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class EmailNormaliserTests
{
    private readonly EmailNormaliser normaliser = new();

    [Theory]
    [InlineData(" Bob@Example.COM ", "bob@example.com")]
    [InlineData("Jane.Doe+News@Mail.Example.co.uk", "jane.doe+news@mail.example.co.uk")]
    [InlineData("o'hara@example.ie", "o'hara@example.ie")]
    [InlineData("JOSÉ@Exämple.de", "josé@exämple.de")]
    [InlineData("user@xn--80ak6aa92e.xn--p1ai", "user@xn--80ak6aa92e.xn--p1ai")]
    public void Email_IsLowerCasedAndTrimmed(string input, string expected)
    {
        var result = normaliser.Normalise(input);

        Assert.True(result.IsValid, $"'{input}' should be valid, got issue '{result.Issue}'");
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("bob@")]
    [InlineData("@example.com")]
    [InlineData("bob@example")]
    [InlineData("bob smith@example.com")]
    [InlineData("bob@exa mple.com")]
    [InlineData("bob@@example.com")]
    [InlineData("bob@a@example.com")]
    [InlineData(".bob@example.com")]
    [InlineData("bob.@example.com")]
    [InlineData("bo..b@example.com")]
    [InlineData("bob@-example.com")]
    [InlineData("bob@example..com")]
    [InlineData("bob@example.c")]
    [InlineData("bob@example.123")]
    [InlineData("<bob@example.com>")]
    [InlineData("n/a")]
    public void Email_Invalid_IsKeptAsReceivedAndFlagged(string input)
    {
        var result = normaliser.Normalise(input);

        Assert.Equal(input, result.Value);
        Assert.Equal(EmailNormaliser.InvalidIssue, result.Issue);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Email_LocalPartOver64_IsFlagged()
    {
        var at64 = new string('a', 64) + "@example.com";
        var at65 = new string('a', 65) + "@example.com";

        Assert.True(normaliser.Normalise(at64).IsValid, "a 64-character local part is allowed");
        Assert.Equal(EmailNormaliser.InvalidIssue, normaliser.Normalise(at65).Issue);
    }

    [Fact]
    public void Email_Over254Characters_IsFlagged()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('d', 60), 5)) + ".com";
        var address = "a@" + domain;

        Assert.True(address.Length > 254, $"test address should be over 254 characters, is {address.Length}");
        Assert.Equal(EmailNormaliser.InvalidIssue, normaliser.Normalise(address).Issue);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Email_Blank_IsDropped(string input)
    {
        Assert.True(normaliser.Normalise(input).IsDropped);
    }
}
