using Cdm.Grains.Blocking;

namespace Cdm.UnitTests.Blocking;

public sealed class DoubleMetaphoneTests
{
    [Theory]
    [InlineData("smith", "SM0", "XMT")]
    [InlineData("schmidt", "XMT", "SMT")]
    [InlineData("schneider", "XNTR", "SNTR")]
    [InlineData("thomson", "TMSN", "TMSN")]
    [InlineData("thompson", "TMPS", "TMPS")]
    [InlineData("catherine", "K0RN", "KTRN")]
    [InlineData("kathryn", "K0RN", "KTRN")]
    [InlineData("jose", "HS", "HS")]
    [InlineData("xavier", "SF", "SFR")]
    [InlineData("gough", "KF", "KF")]
    [InlineData("cough", "KF", "KF")]
    [InlineData("dumb", "TM", "TM")]
    [InlineData("caesar", "SSR", "SSR")]
    [InlineData("tichner", "TXNR", "TKNR")]
    [InlineData("michael", "MKL", "MXL")]
    [InlineData("knight", "NT", "NT")]
    [InlineData("wasserman", "ASRM", "FSRM")]
    [InlineData("arnow", "ARN", "ARNF")]
    [InlineData("breaux", "PR", "PR")]
    [InlineData("campbell", "KMPL", "KMPL")]
    public void Encode_ReferenceExamples(string name, string primary, string alternate)
    {
        Assert.Equal(new DoubleMetaphoneCode(primary, alternate), DoubleMetaphone.Encode(name));
    }

    [Fact]
    public void Encode_UpperCaseInput_SameAsFolded()
    {
        Assert.Equal(DoubleMetaphone.Encode("smith"), DoubleMetaphone.Encode("SMITH"));
    }

    [Fact]
    public void Encode_CodesAreCutToFourCharacters()
    {
        Assert.Equal(new DoubleMetaphoneCode("ANTR", "ANTR"), DoubleMetaphone.Encode("anderson"));
    }

    [Fact]
    public void Encode_SpacesSeparateWords_SanJose()
    {
        Assert.Equal("SNHS", DoubleMetaphone.Encode("san jose").Primary);
    }

    [Theory]
    [InlineData("")]
    [InlineData("'-")]
    [InlineData(" - ")]
    public void Encode_NoLetters_Empty(string name)
    {
        Assert.Equal(new DoubleMetaphoneCode(string.Empty, string.Empty), DoubleMetaphone.Encode(name));
    }

    [Fact]
    public void Encode_LongName_DoesNotOverflow()
    {
        var code = DoubleMetaphone.Encode(new string('x', 200) + " " + new string('w', 100));
        Assert.True(code.Primary.Length <= DoubleMetaphone.MaxLength);
        Assert.True(code.Alternate.Length <= DoubleMetaphone.MaxLength);
    }

    [Fact]
    public void CatherineAndKathryn_ShareBothCodes()
    {
        Assert.Equal(DoubleMetaphone.Encode("catherine"), DoubleMetaphone.Encode("kathryn"));
    }

    [Fact]
    public void ThompsonAndThomson_KnownMiss()
    {
        // Philips' rules keep the p of -mps- (only -mb- and -pb-/-pp- are merged), so these differ in both codes.
        Assert.NotEqual(DoubleMetaphone.Encode("thompson").Primary, DoubleMetaphone.Encode("thomson").Primary);
    }

    [Theory]
    [InlineData("surname_metaphone", "Kathryn", "K0RN")]
    [InlineData("first_name_metaphone", "Catherine", "K0RN")]
    [InlineData("surname_metaphone", "Schmidt", "XMT")]
    public void BlockingPart_GivesThePrimaryCode(string partName, string value, string expected)
    {
        var part = BlockingPart.Find(partName);
        Assert.NotNull(part);
        Assert.Equal(expected, BlockingPartValues.Derive(part, value));
    }

    [Fact]
    public void BlockingPart_NoLetters_Missing()
    {
        Assert.Null(BlockingPartValues.Derive(BlockingPart.SurnameMetaphone, "'"));
    }
}
