using Cdm.Grains.Blocking;

namespace Cdm.UnitTests.Blocking;

public sealed class PhoneticCodeTests
{
    [Theory]
    [InlineData("Robert", "R163")]
    [InlineData("Rupert", "R163")]
    [InlineData("Rubin", "R150")]
    [InlineData("Ashcraft", "A261")]
    [InlineData("Ashcroft", "A261")]
    [InlineData("Tymczak", "T522")]
    [InlineData("Pfister", "P236")]
    [InlineData("Honeyman", "H555")]
    [InlineData("Lee", "L000")]
    [InlineData("o'neil", "O540")]
    public void Soundex_ReferenceExamples(string name, string expected)
    {
        Assert.Equal(expected, Soundex.Encode(name));
    }

    [Theory]
    [InlineData("Smith", "Smyth")]
    [InlineData("Smith", "Schmidt")]
    [InlineData("Jackson", "Jaxon")]
    [InlineData("Catherine", "Cathryn")]
    [InlineData("Thompson", "Tompson")]
    public void Soundex_ClassicVariants_ShareACode(string a, string b)
    {
        Assert.Equal(Soundex.Encode(a), Soundex.Encode(b));
    }

    [Theory]
    [InlineData("Catherine", "Kathryn")]
    [InlineData("Thompson", "Thomson")]
    public void Soundex_KnownMisses(string a, string b)
    {
        // Soundex keeps the first letter and counts consonants in order: documented limits, covered by other rules.
        Assert.NotEqual(Soundex.Encode(a), Soundex.Encode(b));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("'-", "")]
    public void Encoders_NoLetters_Empty(string name, string expected)
    {
        Assert.Equal(expected, Soundex.Encode(name));
        Assert.Equal(expected, Nysiis.Encode(name));
    }

    [Theory]
    [InlineData("Brian", "BRAN")]
    [InlineData("Dane", "DAN")]
    [InlineData("Dean", "DAN")]
    [InlineData("Dionne", "DAN")]
    [InlineData("Smith", "SNAT")]
    [InlineData("Schmit", "SNAT")]
    [InlineData("Schmidt", "SNAD")]
    [InlineData("Truman", "TRANAN")]
    [InlineData("Trueman", "TRANAN")]
    [InlineData("Knight", "NAGT")]
    [InlineData("Phillips", "FALAP")]
    [InlineData("MacDonald", "MCDANA")]
    [InlineData("Lee", "LY")]
    public void Nysiis_ReferenceExamples(string name, string expected)
    {
        Assert.Equal(expected, Nysiis.Encode(name));
    }

    [Theory]
    [InlineData("Smith", "Smyth")]
    [InlineData("Jackson", "Jaxon")]
    [InlineData("Kathryn", "Cathryn")]
    [InlineData("Thomson", "Tomson")]
    [InlineData("Stephen", "Steven")]
    [InlineData("Mohammed", "Mohamed")]
    public void Nysiis_ClassicVariants_ShareACode(string a, string b)
    {
        Assert.Equal(Nysiis.Encode(a), Nysiis.Encode(b));
    }

    [Fact]
    public void Nysiis_CutToSixCharacters()
    {
        Assert.Equal(Nysiis.MaxLength, Nysiis.Encode("Wolfeschlegelsteinhausen").Length);
    }

    [Fact]
    public void Nysiis_ReadsFoldedMultiWordNames()
    {
        Assert.Equal(Nysiis.Encode("vanderberg"), Nysiis.Encode("van der berg"));
    }
}
