using Cdm.Cli.Records;

namespace Cdm.Cli.Tests.Records;

public sealed class CsvRecordReaderTests
{
    private const string Febrl =
        "rec_id, given_name, surname, street_number, postcode, date_of_birth, soc_sec_id\n" +
        "rec-223-org, , waller, 6, 4011, 19081209, 6988048\n" +
        "rec-122-org, lachlan, berry, 69, 0814, 19990219, 7364009\n";

    [Fact]
    public void Read_TrimsFebrlSpacingAndSkipsEmptyValues()
    {
        var lines = Read(Febrl, Options());

        Assert.Equal(2, lines.Count);
        var first = lines[0];
        Assert.Equal(2, first.LineNumber);
        Assert.Equal("febrl", first.Record!.Source);
        Assert.Equal("rec-223-org", first.Record.RecordId);
        Assert.False(first.Record.Attributes.ContainsKey("first_name"), "an empty given_name is missing, not an empty string");
        Assert.Equal("waller", first.Record.Attributes["last_name"]);
        Assert.Equal("6", first.Record.Attributes["street_number"]);
        Assert.False(first.Record.Attributes.ContainsKey("rec_id"), "the id column is the record id, not an attribute");
        Assert.Equal("0814", lines[1].Record!.Attributes["postcode"]);
        Assert.Equal(3, lines[1].LineNumber);
    }

    [Fact]
    public void Read_IdentifierColumnsBecomeIdentifiersNotAttributes()
    {
        var lines = Read(Febrl, Options() with { Identifiers = [new("soc_sec_id", "national_id")] });

        var record = lines[0].Record!;
        Assert.Equal("national_id", Assert.Single(record.Identifiers).Type);
        Assert.Equal("6988048", record.Identifiers[0].Value);
        Assert.False(record.Attributes.ContainsKey("soc_sec_id"));
    }

    [Fact]
    public void Read_OnlyMappedDropsOtherColumns()
    {
        var lines = Read(Febrl, Options() with { OnlyMapped = true });

        Assert.Equal(["first_name", "last_name"], lines[1].Record!.Attributes.Keys.Order());
    }

    [Fact]
    public void Read_ObservedAtColumnSetsTimestamp()
    {
        var lines = Read(Febrl, Options() with { ObservedAtColumn = "date_of_birth" });

        Assert.Equal(new DateTimeOffset(1908, 12, 9, 0, 0, 0, TimeSpan.Zero), lines[0].Record!.ObservedAt.ToDateTimeOffset());
        Assert.False(lines[0].Record!.Attributes.ContainsKey("date_of_birth"));
    }

    [Fact]
    public void Read_UnparsableObservedAtIsAMalformedLine()
    {
        var lines = Read("id,seen\n1,2024-01-01\n2,yesterday\n", new RecordFileOptions
        {
            Path = "x.csv", Format = RecordFileFormat.Csv, Source = "s", IdColumn = "id", ObservedAtColumn = "seen",
        });

        Assert.NotNull(lines[0].Record);
        Assert.Null(lines[1].Record);
        Assert.Equal(3, lines[1].LineNumber);
        Assert.Contains("yesterday", lines[1].Error);
    }

    [Fact]
    public void Read_ReportsWrongFieldCountWithLineNumberAndGoesOn()
    {
        var text = "id,name\n1,ann\n\n2,bob,extra\n3,cat\n";

        var lines = Read(text, new RecordFileOptions { Path = "x.csv", Format = RecordFileFormat.Csv, Source = "s", IdColumn = "id" });

        Assert.Equal(3, lines.Count);
        Assert.Equal("1", lines[0].Record!.RecordId);
        Assert.Null(lines[1].Record);
        Assert.Equal(4, lines[1].LineNumber);
        Assert.Equal("3", lines[2].Record!.RecordId);
        Assert.Equal(5, lines[2].LineNumber);
    }

    [Fact]
    public void Read_UnbalancedQuoteCostsOnlyItsLine()
    {
        var text = "id,note\n1,\"open\n2,plain\n3,\"quoted, with comma\"\n";

        var lines = Read(text, new RecordFileOptions { Path = "x.csv", Format = RecordFileFormat.Csv, Source = "s", IdColumn = "id" });

        Assert.Null(lines[0].Record);
        Assert.Equal(2, lines[0].LineNumber);
        Assert.Equal("2", lines[1].Record!.RecordId);
        Assert.Equal("quoted, with comma", lines[2].Record!.Attributes["note"]);
        Assert.Equal(4, lines[2].LineNumber);
    }

    [Fact]
    public void Read_MissingColumnIsAFileError()
    {
        var error = Assert.Throws<RecordFileException>(() => Read(Febrl, Options() with { IdColumn = "nope" }));

        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public void Read_TruthColumnIsExtractedAndNotImported()
    {
        var lines = Read(Febrl, Options() with { TruthColumn = "soc_sec_id" });

        Assert.Equal("6988048", lines[0].Truth);
        Assert.False(lines[0].Record!.Attributes.ContainsKey("soc_sec_id"));
    }

    private static RecordFileOptions Options() => new()
    {
        Path = "dataset.csv",
        Format = RecordFileFormat.Csv,
        Source = "febrl",
        IdColumn = "rec_id",
        Map = [new("given_name", "first_name"), new("surname", "last_name")],
    };

    private static List<RecordLine> Read(string text, RecordFileOptions options) =>
        [.. CsvRecordReader.Read(new StringReader(text), options)];
}
