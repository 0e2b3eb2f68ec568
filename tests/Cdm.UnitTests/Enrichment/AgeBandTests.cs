using Cdm.Grains.Enrichment;
using Microsoft.Extensions.Time.Testing;

namespace Cdm.UnitTests.Enrichment;

public sealed class AgeBandTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("2026-06-15", "0-17")]
    [InlineData("2008-06-16", "0-17")]
    [InlineData("2008-06-15", "18-24")]
    [InlineData("2001-06-16", "18-24")]
    [InlineData("2001-06-15", "25-34")]
    [InlineData("1991-06-16", "25-34")]
    [InlineData("1991-06-15", "35-44")]
    [InlineData("1981-06-15", "45-54")]
    [InlineData("1971-06-16", "45-54")]
    [InlineData("1971-06-15", "55-64")]
    [InlineData("1961-06-16", "55-64")]
    [InlineData("1961-06-15", "65+")]
    [InlineData("1930-01-01", "65+")]
    public void For_BirthDate_GivesBandOnClockDate(string birthDate, string band)
    {
        Assert.Equal(band, AgeBand.For(birthDate, Clock));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-06-16")]
    [InlineData("2030-01-01")]
    [InlineData("1850-01-01")]
    [InlineData("1990-02-30")]
    [InlineData("15/06/1990")]
    [InlineData("unknown")]
    public void For_MissingInvalidFutureOrImplausible_IsNull(string? birthDate)
    {
        Assert.Null(AgeBand.For(birthDate, Clock));
    }

    [Fact]
    public void LeapDayBirthday_IsReachedOnFirstOfMarch()
    {
        var birth = new DateOnly(2008, 2, 29);

        Assert.Equal(17, AgeBand.AgeOn(birth, new DateOnly(2026, 2, 28)));
        Assert.Equal(18, AgeBand.AgeOn(birth, new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void BandOf_NegativeAge_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AgeBand.BandOf(-1));
    }
}
