using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class NameNormaliserTests
{
    private readonly NameNormaliser normaliser = new();

    [Theory]
    [InlineData("  Mary   Ann ", "Mary Ann")]
    [InlineData("Mary\tAnn", "Mary Ann")]
    [InlineData("Jose\u0301", "Jos\u00E9")]
    public void Name_IsTrimmedCollapsedAndComposed(string input, string expected)
    {
        Assert.Equal(expected, normaliser.Normalise(input).Value);
    }

    [Theory]
    [InlineData("JEAN-LUC O'NEIL", "Jean-Luc O'Neil")]
    [InlineData("smith", "Smith")]
    [InlineData("mary ann", "Mary Ann")]
    [InlineData("ÉLODIE", "Élodie")]
    [InlineData("ŁUKASZ", "Łukasz")]
    [InlineData("d'angelo", "D'Angelo")]
    [InlineData("J", "J")]
    public void Name_SingleCase_BecomesTitleCase(string input, string expected)
    {
        var result = normaliser.Normalise(input);

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("McDonald")]
    [InlineData("van der Berg")]
    [InlineData("DeShawn")]
    [InlineData("MacLEOD")]
    public void Name_MixedCase_IsKept(string input)
    {
        Assert.Equal(input, normaliser.Normalise(input).Value);
    }

    [Fact]
    public void Name_Blank_IsDropped()
    {
        Assert.True(normaliser.Normalise("   ").IsDropped);
    }
}
