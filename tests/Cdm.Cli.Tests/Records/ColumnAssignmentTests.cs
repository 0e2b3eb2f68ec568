using Cdm.Cli.Records;

namespace Cdm.Cli.Tests.Records;

public sealed class ColumnAssignmentTests
{
    [Theory]
    [InlineData("given_name=first_name", "given_name", "first_name")]
    [InlineData(" a = b ", "a", "b")]
    [InlineData("a=b=c", "a", "b=c")]
    public void TryParse_SplitsAtFirstEquals(string text, string column, string name)
    {
        Assert.True(ColumnAssignment.TryParse(text, out var assignment));
        Assert.Equal(new ColumnAssignment(column, name), assignment);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("=b")]
    [InlineData("a=")]
    [InlineData(" = ")]
    public void TryParse_RefusesIncompletePairs(string text)
    {
        Assert.False(ColumnAssignment.TryParse(text, out _));
    }

    [Fact]
    public void Validate_CsvNeedsSourceAndIdColumnAndOneColumnPerAttribute()
    {
        var errors = new RecordFileOptions
        {
            Path = "x.csv",
            Format = RecordFileFormat.Csv,
            Map = [new("a", "first_name"), new("b", "first_name")],
        }.Validate();

        Assert.Equal(3, errors.Count);
    }
}
