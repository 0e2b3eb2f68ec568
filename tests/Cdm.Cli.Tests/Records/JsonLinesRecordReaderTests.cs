using Cdm.Cli.Records;

namespace Cdm.Cli.Tests.Records;

public sealed class JsonLinesRecordReaderTests
{
    [Fact]
    public void Read_ParsesProtobufJsonAndReportsBadLinesByNumber()
    {
        var text = string.Join('\n',
            """{"source":"crm","recordId":"1","attributes":{"email":"a@b.com","cluster":"7"},"identifiers":[{"type":"crm_id","value":"C1"}]}""",
            "",
            """{"source":"crm","record_id":"2","observedAt":"2024-05-01T10:00:00Z"}""",
            """{"source":"crm","recordId":""",
            """{"source":"crm","recordId":"4","colour":"red"}""",
            """{"source":"shop","recordId":"5"}""");

        var lines = JsonLinesRecordReader.Read(new StringReader(text),
            new RecordFileOptions { Path = "x.jsonl", Format = RecordFileFormat.JsonLines, TruthColumn = "cluster" }).ToList();

        Assert.Equal([1L, 3, 4, 5, 6], lines.Select(l => l.LineNumber));
        Assert.Equal("a@b.com", lines[0].Record!.Attributes["email"]);
        Assert.Equal("C1", lines[0].Record!.Identifiers[0].Value);
        Assert.Equal("7", lines[0].Truth);
        Assert.Equal("2", lines[1].Record!.RecordId);
        Assert.Equal(2024, lines[1].Record!.ObservedAt.ToDateTime().Year);
        Assert.Null(lines[2].Record);
        Assert.Null(lines[3].Record);
        Assert.Contains("colour", lines[3].Error);
        Assert.Equal("shop", lines[4].Record!.Source);
    }
}
