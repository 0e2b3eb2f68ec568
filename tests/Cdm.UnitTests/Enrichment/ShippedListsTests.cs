using Cdm.Grains.Enrichment;
using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Enrichment;

public sealed class ShippedListsTests
{
    [Fact]
    public void Nicknames_AreFolded_AndEachCanonicalNameIsListedOnce()
    {
        var lines = EmbeddedList.Read("nicknames.txt");
        var canonicals = new HashSet<string>(StringComparer.Ordinal);

        Assert.True(lines.Count >= 200, $"only {lines.Count} names in the table");
        foreach (var line in lines)
        {
            var parts = line.Split(':');
            Assert.Equal(2, parts.Length);
            var canonical = parts[0].Trim();
            Assert.True(canonicals.Add(canonical), $"'{canonical}' is listed twice");
            Assert.Equal(NameFolding.Fold(canonical), canonical);
            var variants = parts[1].Split(',').Select(v => v.Trim()).ToList();
            Assert.All(variants, v => Assert.Equal(NameFolding.Fold(v), v));
            Assert.Equal(variants.Count, variants.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Theory]
    [InlineData("free-mail-domains.txt")]
    [InlineData("disposable-domains.txt")]
    [InlineData("role-local-parts.txt")]
    public void Lists_AreLowerCaseWithoutSpaces(string fileName)
    {
        var values = EmbeddedList.Read(fileName);

        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.DoesNotContain(' ', v));
        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void FreeMailAndDisposable_DoNotOverlap()
    {
        var free = EmbeddedList.Read("free-mail-domains.txt").ToHashSet(StringComparer.Ordinal);

        Assert.DoesNotContain(EmbeddedList.Read("disposable-domains.txt"), free.Contains);
    }
}
