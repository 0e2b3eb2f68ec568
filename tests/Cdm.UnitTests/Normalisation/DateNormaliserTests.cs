using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class DateNormaliserTests
{
    private readonly DateNormaliser dayFirst = new(TestRecords.Clock(), DateOrder.Dmy);
    private readonly DateNormaliser monthFirst = new(TestRecords.Clock(), DateOrder.Mdy);

    [Theory]
    [InlineData("1990-02-28")]
    [InlineData("1990-2-28")]
    [InlineData("19900228")]
    [InlineData("1990/02/28")]
    [InlineData("28/02/1990")]
    [InlineData("28-02-1990")]
    [InlineData("28.02.1990")]
    [InlineData("28.2.1990")]
    [InlineData("28 Feb 1990")]
    [InlineData("28 february 1990")]
    [InlineData("28-FEB-1990")]
    [InlineData("28th Feb 1990")]
    [InlineData("Feb 28, 1990")]
    [InlineData("February 28 1990")]
    [InlineData("Feb. 28, 1990")]
    [InlineData("1990-02-28T13:45:00Z")]
    [InlineData("1990-02-28T23:30:00.123-05:00")]
    [InlineData("1990-02-28 08:00")]
    [InlineData("  28/02/1990 ")]
    public void Date_CommonForms_BecomeIso(string input)
    {
        var result = dayFirst.Normalise(input);

        Assert.True(result.IsValid, $"'{input}' should be valid, got issue '{result.Issue}'");
        Assert.Equal("1990-02-28", result.Value);
    }

    [Theory]
    [InlineData("5 Sept 2001", "2001-09-05")]
    [InlineData("2000-02-29", "2000-02-29")]
    [InlineData("1/2/1990", "1990-02-01")]
    public void Date_OtherForms_BecomeIso(string input, string expected)
    {
        Assert.Equal(expected, dayFirst.Normalise(input).Value);
    }

    [Theory]
    [InlineData("03/04/2001", DateOrder.Dmy, "2001-04-03")]
    [InlineData("03/04/2001", DateOrder.Mdy, "2001-03-04")]
    [InlineData("03-04-2001", DateOrder.Mdy, "2001-03-04")]
    [InlineData("25/12/1990", DateOrder.Mdy, "1990-12-25")]
    [InlineData("12/25/1990", DateOrder.Dmy, "1990-12-25")]
    public void Date_SlashForm_FollowsDateOrderUnlessOnlyOneReadingIsPossible(string input, DateOrder order, string expected)
    {
        var normaliser = order == DateOrder.Dmy ? dayFirst : monthFirst;

        Assert.Equal(expected, normaliser.Normalise(input).Value);
    }

    [Fact]
    public void Date_DottedForm_IsAlwaysDayFirst()
    {
        Assert.Equal("2001-04-03", monthFirst.Normalise("03.04.2001").Value);
    }

    [Theory]
    [InlineData("1990-02-30")]
    [InlineData("1990-13-01")]
    [InlineData("1990-00-10")]
    [InlineData("31/04/1990")]
    [InlineData("2001-02-29")]
    [InlineData("00/01/1990")]
    [InlineData("13/13/1990")]
    [InlineData("30 Feb 1990")]
    [InlineData("0000-01-01")]
    public void Date_Impossible_IsKeptAsReceivedAndFlagged(string input)
    {
        var result = dayFirst.Normalise(input);

        Assert.Equal(input, result.Value);
        Assert.Equal(DateNormaliser.ImpossibleIssue, result.Issue);
    }

    [Theory]
    [InlineData("2025-06-17")]
    [InlineData("2030-01-01")]
    public void Date_AfterToday_IsFlagged(string input)
    {
        var result = dayFirst.Normalise(input);

        Assert.Equal(input, result.Value);
        Assert.Equal(DateNormaliser.FutureIssue, result.Issue);
    }

    [Theory]
    [InlineData("2025-06-15")]
    [InlineData("2025-06-16")]
    public void Date_TodayInAnyTimeZone_IsAccepted(string input)
    {
        Assert.True(dayFirst.Normalise(input).IsValid, $"'{input}' is today somewhere at {TestRecords.Now:O}");
    }

    [Fact]
    public void Date_Before1900_IsFlagged()
    {
        Assert.Equal(DateNormaliser.TooEarlyIssue, dayFirst.Normalise("1899-12-31").Issue);
        Assert.True(dayFirst.Normalise("1900-01-01").IsValid, "1900-01-01 is the earliest date accepted");
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("1990")]
    [InlineData("28/02/90")]
    [InlineData("Febtober 3, 1990")]
    [InlineData("1990-02-28T25")]
    [InlineData("28/02-1990")]
    [InlineData("١٩٩٠-٠٢-٢٨")]
    public void Date_Unrecognised_IsKeptAsReceivedAndFlagged(string input)
    {
        var result = dayFirst.Normalise(input);

        Assert.Equal(input, result.Value);
        Assert.Equal(DateNormaliser.UnrecognisedIssue, result.Issue);
    }

    [Fact]
    public void Date_Blank_IsDropped()
    {
        Assert.True(dayFirst.Normalise(" ").IsDropped);
    }
}
