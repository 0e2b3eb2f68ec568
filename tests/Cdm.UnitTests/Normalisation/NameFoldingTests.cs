using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class NameFoldingTests
{
    [Theory]
    [InlineData("José", "jose")]
    [InlineData("Jose\u0301", "jose")]
    [InlineData("Müller", "muller")]
    [InlineData("Dvořák", "dvorak")]
    [InlineData("Nguyễn", "nguyen")]
    [InlineData("Straße", "strasse")]
    [InlineData("Søren Łukasz", "soren lukasz")]
    [InlineData("Ærø", "aero")]
    [InlineData("O'Neil", "oneil")]
    [InlineData("Jean-Luc", "jean luc")]
    [InlineData("  ÅSA  ", "asa")]
    [InlineData("Smith, Jr.", "smith jr")]
    [InlineData("Anne – Marie", "anne marie")]
    [InlineData("...", "")]
    public void Fold_RemovesCaseDiacriticsAndPunctuation(string input, string expected)
    {
        Assert.Equal(expected, NameFolding.Fold(input));
    }

    [Fact]
    public void Fold_SameNameWrittenDifferently_FoldsAlike()
    {
        string[] spellings = ["Jean-Luc Picard", "JEAN LUC PICARD", "jean-luc  picard", "Jéan Luc Picard"];

        var folded = spellings.Select(NameFolding.Fold).Distinct().ToArray();

        Assert.Equal(["jean luc picard"], folded);
    }
}
