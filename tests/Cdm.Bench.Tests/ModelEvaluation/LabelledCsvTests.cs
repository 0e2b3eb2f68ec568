using Cdm.Bench.ModelEvaluation;

namespace Cdm.Bench.Tests.ModelEvaluation;

public sealed class LabelledCsvTests
{
    private const string Febrl = """
        rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id
        rec-223-org, , waller, 6, tullaroop street, willaroo, st james, 4011, wa, 19081209, 6988048
        rec-223-dup-0, jane, waller, 6, tullaroop st, , st james, 0401, wa, 19081209, 6988048

        """;

    [Fact]
    public void ReadFebrl_MapsColumnsStripsSpacesAndTakesTruthFromTheId()
    {
        var records = LabelledCsv.ReadFebrl(new StringReader(Febrl));

        Assert.Equal(2, records.Count);
        var org = records[0];
        Assert.Equal("rec-223-org", org.Id);
        Assert.Equal("223", org.Truth);
        Assert.False(org.Attributes.ContainsKey("first_name"));
        Assert.Equal("waller", org.Attributes["last_name"]);
        Assert.Equal("6", org.Attributes["street_number"]);
        Assert.Equal("tullaroop street", org.Attributes["address_line1"]);
        Assert.Equal("st james", org.Attributes["city"]);
        Assert.Equal("4011", org.Attributes["postcode"]);
        Assert.Equal("wa", org.Attributes["region"]);
        Assert.Equal("19081209", org.Attributes["birth_date"]);
        Assert.Equal("6988048", org.Attributes["national_id"]);
        Assert.Equal("AU", org.Attributes["country"]);
        var dup = records[1];
        Assert.Equal("223", dup.Truth);
        Assert.Equal("jane", dup.Attributes["first_name"]);
        Assert.Equal("0401", dup.Attributes["postcode"]);
        Assert.False(dup.Attributes.ContainsKey("address_line2"));
    }

    [Fact]
    public void ReadSplink_TakesTruthFromTheClusterColumn()
    {
        const string csv = """
            unique_id,first_name,surname,dob,city,email,cluster
            0,Robert,Alan,1971-06-24,,robert255@smith.net,0
            7,Grace,,1997-04-26,Hull,,2
            """;

        var records = LabelledCsv.ReadSplink(new StringReader(csv));

        Assert.Equal(["0", "7"], records.Select(r => r.Id));
        Assert.Equal(["0", "2"], records.Select(r => r.Truth));
        Assert.Equal("Alan", records[0].Attributes["last_name"]);
        Assert.Equal("1971-06-24", records[0].Attributes["birth_date"]);
        Assert.Equal("robert255@smith.net", records[0].Attributes["email"]);
        Assert.False(records[0].Attributes.ContainsKey("city"));
        Assert.Equal("Hull", records[1].Attributes["city"]);
        Assert.False(records[1].Attributes.ContainsKey("last_name"));
    }

    [Theory]
    [InlineData("rec-12-org", "12")]
    [InlineData("rec-12-dup-3", "12")]
    public void TruthOfFebrlId_IsTheNumber(string id, string truth) => Assert.Equal(truth, LabelledCsv.TruthOfFebrlId(id));

    [Theory]
    [InlineData("12")]
    [InlineData("rec-12")]
    [InlineData("rec-12-copy-1")]
    public void TruthOfFebrlId_RejectsOtherIds(string id) => Assert.Throws<InvalidDataException>(() => LabelledCsv.TruthOfFebrlId(id));

    [Fact]
    public void Read_RejectsARowWithTheWrongNumberOfFields()
    {
        const string csv = "unique_id,first_name,surname,dob,city,email,cluster\n0,Robert,Alan\n";

        Assert.Throws<InvalidDataException>(() => LabelledCsv.ReadSplink(new StringReader(csv)));
    }

    [Fact]
    public void Read_RejectsAMissingColumn()
    {
        const string csv = "unique_id,first_name,dob,city,email,cluster\n";

        Assert.Throws<InvalidDataException>(() => LabelledCsv.ReadSplink(new StringReader(csv)));
    }
}
