using Cdm.Grains.Blocking;
using Cdm.Grains.Normalisation;
using Cdm.UnitTests.Normalisation;

namespace Cdm.UnitTests.Blocking;

/// <summary>Keys of records as the record normaliser leaves them.</summary>
public sealed class BlockingKeysOfNormalisedRecordsTests
{
    private readonly RecordNormaliser normaliser = new(new NormalisationOptions(), TestRecords.Clock());
    private readonly BlockingKeys keys = new(new BlockingOptions());

    [Fact]
    public void DifferentlyWrittenRecords_GiveTheSameKeys()
    {
        var a = Keys(TestRecords.Attr("first_name", "JEAN-LUC"), TestRecords.Attr("last_name", "o'neil"), TestRecords.Attr("birth_date", "07/03/1980"), TestRecords.Attr("postcode", " sw1a  1aa"));
        var b = Keys(TestRecords.Attr("first_name", "Jean Luc"), TestRecords.Attr("last_name", "O’Neil"), TestRecords.Attr("birth_date", "1980-03-07"), TestRecords.Attr("postcode", "SW1A1AA"));

        Assert.Equal(a, b);
        Assert.Contains("b:sn_by:ONAL:1980", a);
    }

    [Fact]
    public void FlaggedDate_GivesNoDateKeys()
    {
        var result = Keys(TestRecords.Attr("first_name", "Ann"), TestRecords.Attr("last_name", "Smith"), TestRecords.Attr("birth_date", "31/02/1980"), TestRecords.Attr("postcode", "AB1 2CD"));

        Assert.Equal(["b:fn_pc:AN:AB12CD", "b:fn_sn:AN:SNAT"], result);
    }

    [Fact]
    public void PlaceholderIdentifier_GivesNoKey()
    {
        var blocked = new BlockedValueSet(new BlockedValueOptions(), (_, entry) => entry);
        var withBlocked = new BlockingKeys(new BlockingOptions(), blocked);
        var version = Normalise(TestRecords.Attr("email", "test@test.com"), TestRecords.Attr("national_id", "QQ 12 34 56 C"));

        Assert.Equal(["b:nid:QQ123456C"], withBlocked.For(version).Select(k => k.Key));
    }

    private string[] Keys(params KeyValuePair<string, string>[] attributes) =>
        keys.For(Normalise(attributes)).Select(k => k.Key).ToArray();

    private Cdm.Contracts.Records.RecordVersion Normalise(params KeyValuePair<string, string>[] attributes)
    {
        var result = normaliser.Normalise(TestRecords.Incoming(attributes), TestRecords.Now);
        Assert.False(result.IsRejected);
        return result.Version;
    }
}
