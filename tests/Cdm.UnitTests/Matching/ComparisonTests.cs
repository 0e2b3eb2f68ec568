using Cdm.Grains.Matching;

namespace Cdm.UnitTests.Matching;

public sealed class ComparisonTests
{
    private static string Level(Comparison comparison, MatchRecord left, MatchRecord right) =>
        comparison.Levels[comparison.Compare(left, right)];

    [Theory]
    [InlineData("smith", "smith", "exact")]
    [InlineData("martha", "marhta", "close")]
    [InlineData("dwayne", "duane", "loose")]
    [InlineData("smith", "jones", "different")]
    [InlineData(null, "smith", "missing")]
    [InlineData("", "smith", "missing")]
    public void LastName_Levels(string? left, string? right, string expected)
    {
        Assert.Equal(expected, Level(NameComparison.LastName(), new MatchRecord(LastName: left), new MatchRecord(LastName: right)));
    }

    [Fact]
    public void Names_SwappedFirstAndLast_AreTheirOwnLevel()
    {
        var left = new MatchRecord(FirstName: "ada", LastName: "lovelace");
        var right = new MatchRecord(FirstName: "lovelace", LastName: "adda");
        Assert.Equal("swapped", Level(NameComparison.FirstName(), left, right));
        Assert.Equal("swapped", Level(NameComparison.LastName(), left, right));
        Assert.Equal("different", Level(NameComparison.FirstName(), left, new MatchRecord(FirstName: "lovelace", LastName: "byron")));
    }

    [Theory]
    [InlineData("1980-03-07", "1980-03-07", "exact")]
    [InlineData("1980-03-07", "1980-07-03", "day_month_swapped")]
    [InlineData("1980-03-07", "1980-03-17", "one_component_off")]
    [InlineData("1980-03-07", "1981-03-07", "one_component_off")]
    [InlineData("1980-03-07", "1980-11-21", "within_a_year")]
    [InlineData("1980-12-30", "1981-11-21", "within_a_year")]
    [InlineData("1980-03-07", "1975-11-21", "within_ten_years")]
    [InlineData("1980-03-07", "1990-11-21", "different")]
    [InlineData("1980-03-07", "1960-03-08", "different")]
    [InlineData("1980-03-07", "not a date", "different")]
    [InlineData(null, "1980-03-07", "missing")]
    public void BirthDate_Levels(string? left, string? right, string expected)
    {
        Assert.Equal(expected, Level(DateComparison.BirthDate(), new MatchRecord(BirthDate: left), new MatchRecord(BirthDate: right)));
    }

    [Fact]
    public void Names_OneNameInTheOthersOtherField_IsCrossedAndCountedOnce()
    {
        // Both last names present: the last-name comparison counts the crossing, the first-name one does not.
        var left = new MatchRecord(FirstName: "hunter", LastName: "noah");
        var right = new MatchRecord(FirstName: "ella", LastName: "hunter");
        Assert.Equal("crossed", Level(NameComparison.LastName(), left, right));
        Assert.Equal("different", Level(NameComparison.FirstName(), left, right));

        // A last name missing: only the first-name comparison can see the crossing.
        var noLast = new MatchRecord(FirstName: "hunter");
        var other = new MatchRecord(FirstName: "noah", LastName: "huntre");
        Assert.Equal("missing", Level(NameComparison.LastName(), noLast, other));
        Assert.Equal("crossed", Level(NameComparison.FirstName(), noLast, other));
        Assert.Equal("different", Level(NameComparison.FirstName(), noLast, new MatchRecord(FirstName: "noah", LastName: "smith")));
    }

    [Theory]
    [InlineData("robert", "bob", "nickname")]
    [InlineData("bill", "will", "nickname")]
    [InlineData("william", "william", "exact")]
    [InlineData("robert", "roberta", "close")]
    [InlineData("robert", "susan", "different")]
    public void FirstName_Nicknames_AreTheirOwnLevel(string left, string right, string expected)
    {
        Assert.Equal(expected, Level(NameComparison.FirstName(), new MatchRecord(FirstName: left), new MatchRecord(FirstName: right)));
    }

    [Fact]
    public void LastName_HasNoNicknameLevel()
    {
        Assert.DoesNotContain("nickname", NameComparison.LastName().Levels);
        Assert.Equal("different", Level(NameComparison.LastName(), new MatchRecord(LastName: "robert"), new MatchRecord(LastName: "bob")));
    }

    [Theory]
    [InlineData("ann.lee@example.org", "ann.lee@example.org", "exact")]
    [InlineData("ann.lee@example.org", "ann.lee@exmaple.org", "one_typo")]
    [InlineData("ann.lee@example.org", "ann.lee@other.net", "same_local_part")]
    [InlineData("ann.lee42@example.org", "an.lee42@exampel.org", "close")]
    [InlineData("ann.lee@example.org", "bob.stone@example.org", "different")]
    [InlineData("a.lee@example.org", "a.lee@other.net", "same_local_part")]
    [InlineData("a.l@example.org", "a.l@other.net", "different")]
    public void Email_Levels(string left, string right, string expected)
    {
        Assert.Equal(expected, Level(EmailComparison.Email(), new MatchRecord(Email: left), new MatchRecord(Email: right)));
    }

    [Theory]
    [InlineData("SW1A 1AA", "SW1A 1AA", "exact")]
    [InlineData("SW1A 1AA", "SW1A1AA", "exact")]
    [InlineData("SW1A 1AA", "SW1 2BB", "close")]
    [InlineData("75011", "75019", "close")]
    [InlineData("10115", "10118", "close")]
    [InlineData("09999", "10001", "close")]
    [InlineData("10115", "20115", "different")]
    [InlineData("SW1A 1AA", "EC1A 1BB", "different")]
    public void Postcode_Levels(string left, string right, string expected)
    {
        Assert.Equal(expected, Level(PostcodeComparison.Postcode(), new MatchRecord(Postcode: left), new MatchRecord(Postcode: right)));
    }

    [Theory]
    [InlineData("12", "12", "exact")]
    [InlineData("12", "14", "near")]
    [InlineData("12", "12a", "near")]
    [InlineData("12", "15", "different")]
    [InlineData("12", "b", "different")]
    public void StreetNumber_Levels(string left, string right, string expected)
    {
        Assert.Equal(expected, Level(NumberComparison.StreetNumber(), new MatchRecord(StreetNumber: left), new MatchRecord(StreetNumber: right)));
    }

    [Theory]
    [InlineData("123456789", "123456789", "exact")]
    [InlineData("123456789", "123456780", "one_typo")]
    [InlineData("123456789", "123546789", "one_typo")]
    [InlineData("123456789", "12345678", "different")]
    [InlineData("123456789", "123456700", "different")]
    [InlineData("123456789", "213456798", "different")]
    public void NationalId_Levels(string left, string right, string expected)
    {
        Assert.Equal(expected, Level(TypoComparison.NationalId(), new MatchRecord(NationalId: left), new MatchRecord(NationalId: right)));
    }

    [Theory]
    [InlineData("high street", "high street", "exact")]
    [InlineData("high street", "high stret", "close")]
    [InlineData("high street", "church lane", "different")]
    public void Street_Levels(string left, string right, string expected)
    {
        var street = StandardComparisons.Create().Single(c => c.Field == "street");
        Assert.Equal(expected, Level(street, new MatchRecord(Street: left), new MatchRecord(Street: right)));
    }

    [Fact]
    public void Compare_GivesOneLevelPerComparison()
    {
        var comparisons = StandardComparisons.Create();
        var left = new MatchRecord("ada", "lovelace", "1815-12-10", Email: "ada@example.org");
        var right = new MatchRecord("ada", "lovelace", "1815-10-12");
        var vector = StandardComparisons.Compare(comparisons, left, right);
        Assert.Equal(10, vector.Length);
        Assert.Equal(new[] { 1, 1, 2, 0, 0, 0, 0, 0, 0, 0 }, vector.Select(v => (int)v).ToArray());
    }
}
