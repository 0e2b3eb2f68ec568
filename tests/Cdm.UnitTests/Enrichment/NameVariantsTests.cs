using Cdm.Grains.Enrichment;

namespace Cdm.UnitTests.Enrichment;

public sealed class NameVariantsTests
{
    private readonly NameVariants shipped = NameVariants.Shipped;

    [Fact]
    public void Bill_IsWilliam_AndWilliam_HasBill()
    {
        Assert.Equal(["william"], shipped.CanonicalsOf("Bill").ToArray());
        Assert.Contains("bill", shipped.VariantsOf("William"));
        Assert.Contains("william", shipped.VariantsOf("bill"));
        Assert.True(shipped.AreVariants("Bill", "William"));
        Assert.True(shipped.AreVariants("WILLIAM", "bill"));
    }

    [Fact]
    public void Liz_IsElizabeth()
    {
        Assert.Equal(["elizabeth", "elisabeth"], shipped.CanonicalsOf("Liz").OrderByDescending(n => n == "elizabeth").ToArray());
        Assert.True(shipped.AreVariants("Liz", "Elizabeth"));
    }

    [Fact]
    public void SiblingNicknames_AreVariantsOfEachOther()
    {
        Assert.True(shipped.AreVariants("bill", "will"));
        Assert.True(shipped.AreVariants("Bob", "Robert"));
        Assert.False(shipped.AreVariants("bill", "bob"));
    }

    [Fact]
    public void AmbiguousNickname_GivesEveryCanonicalName()
    {
        var canonicals = shipped.CanonicalsOf("Al");

        Assert.Contains("albert", canonicals);
        Assert.Contains("alexander", canonicals);
        Assert.Contains("alfred", canonicals);
        Assert.True(canonicals.Length >= 3);
        Assert.Equal(canonicals.Order(StringComparer.Ordinal).ToArray(), canonicals.ToArray());
    }

    [Fact]
    public void CanonicalName_IsItsOwnCanonical()
    {
        Assert.Equal(["william"], shipped.CanonicalsOf("William").ToArray());
        Assert.Equal(["elizabeth"], shipped.CanonicalsOf("ÉLIZABETH").ToArray());
    }

    [Fact]
    public void UnknownName_GivesNothing()
    {
        Assert.Empty(shipped.CanonicalsOf("Zorblax"));
        Assert.Empty(shipped.VariantsOf("Zorblax"));
        Assert.False(shipped.AreVariants("Zorblax", "William"));
        Assert.True(shipped.AreVariants("Zorblax", "zorblax"));
    }

    [Fact]
    public void ShippedTable_HasSeveralHundredNames()
    {
        var lines = typeof(NameVariants).Assembly.GetManifestResourceNames();

        Assert.Contains("Cdm.Grains.Enrichment.Data.nicknames.txt", lines);
        var canonicalNames = new[] { "james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda" }
            .Count(name => !shipped.CanonicalsOf(name).IsEmpty);
        Assert.True(canonicalNames >= 7, $"only {canonicalNames} common names known");
    }

    [Fact]
    public void Table_FoldsEntries_AndRejectsLinesWithoutCanonical()
    {
        var table = new NameVariants(["José: Pepe, Chepe"]);

        Assert.Equal(["jose"], table.CanonicalsOf("pepe").ToArray());
        Assert.True(table.AreVariants("PEPE", "jose"));
        Assert.Throws<FormatException>(() => new NameVariants(["no colon here"]));
        Assert.Throws<FormatException>(() => new NameVariants([": orphan"]));
    }
}
