using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class UnicodeNormalFormsTests
{
    [Theory]
    [InlineData("Jose\u0301", "Jos\u00E9")]
    [InlineData("A\u030A", "\u00C5")]
    [InlineData("u\u0308\u0304", "\u01D6")]
    [InlineData("e\u0323\u0302", "\u1EC7")]
    [InlineData("e\u0302\u0323", "\u1EC7")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")]
    [InlineData("\u212B", "\u00C5")]
    [InlineData("\u0301a", "\u0301a")]
    [InlineData("Ελληνικά", "Ελληνικά")]
    public void Nfc_ComposesCanonically(string input, string expected)
    {
        Assert.Equal(expected, UnicodeNormalForms.ToNfc(input));
    }

    [Theory]
    [InlineData("Jos\u00E9", "Jose\u0301")]
    [InlineData("\u1EC7", "e\u0323\u0302")]
    [InlineData("\uAC01", "\u1100\u1161\u11A8")]
    [InlineData("\u00C5", "A\u030A")]
    public void Nfd_DecomposesCanonically(string input, string expected)
    {
        Assert.Equal(expected, UnicodeNormalForms.ToNfd(input));
    }

    [Fact]
    public void Nfc_AsciiText_ReturnsSameInstance()
    {
        const string value = "Plain ASCII, nothing to compose";

        Assert.Same(value, UnicodeNormalForms.ToNfc(value));
    }

    [Fact]
    public void Nfc_AlreadyComposed_ReturnsSameInstance()
    {
        var value = new string("Dvořák Nguyễn".ToCharArray());

        Assert.Same(value, UnicodeNormalForms.ToNfc(value));
    }
}
