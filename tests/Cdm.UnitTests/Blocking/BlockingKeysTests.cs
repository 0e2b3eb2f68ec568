using Cdm.Grains.Blocking;
using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Blocking;

public sealed class BlockingKeysTests
{
    private static readonly Dictionary<string, string> Complete = new()
    {
        ["first_name"] = "Jean-Luc",
        ["last_name"] = "O'Neil",
        ["birth_date"] = "1980-03-07",
        ["postcode"] = "SW1A 1AA",
        ["national_id"] = "AB 12 34 56 C",
        ["email"] = "Jean.Luc+shop@example.org",
        ["address_line1"] = "10 Downing Street",
    };

    [Fact]
    public void CompleteRecord_OneKeyPerDefaultRule()
    {
        var keys = new BlockingKeys(new BlockingOptions()).For(Complete).Select(k => k.Key).ToArray();

        Assert.Equal(
            [
                "b:sn_by:ONAL:1980",
                "b:fn_pc:JANLAC:SW1A1AA",
                "b:f_si_bd:jeanluc:o:19800307",
                "b:nid:AB123456C",
                "b:em:jeanluc",
                "b:pc_st:SW1A1AA:10",
                "b:fn_sn:JANLAC:ONAL",
                "b:fn_by:JANLAC:1980",
                "b:bd:19800307",
            ],
            keys);
    }

    [Fact]
    public void Keys_NameTheirRule()
    {
        var keys = new BlockingKeys(new BlockingOptions()).For(Complete);

        Assert.Equal(BlockingOptions.DefaultRules, keys.Select(k => k.Rule).ToArray());
    }

    [Fact]
    public void IncompleteRecord_SkipsRulesWithAMissingPart()
    {
        var record = new Dictionary<string, string> { ["last_name"] = "Smith", ["birth_date"] = "1975-12-01", ["first_name"] = "  " };

        var keys = new BlockingKeys(new BlockingOptions()).For(record).Select(k => k.Key).ToArray();

        Assert.Equal(["b:sn_by:SNAT:1975", "b:bd:19751201"], keys);
    }

    [Fact]
    public void FlaggedAttribute_IsMissing()
    {
        var record = new Dictionary<string, string> { ["last_name"] = "Smith", ["birth_date"] = "31/02/1975" };

        Assert.Empty(new BlockingKeys(new BlockingOptions()).For(record));
        Assert.Empty(new BlockingKeys(new BlockingOptions()).For(new Dictionary<string, string> { ["last_name"] = "Smith", ["birth_date"] = "1975-02-01" }, new HashSet<string> { "birth_date" }));
    }

    [Fact]
    public void PlaceholderValue_IsMissing()
    {
        var blocked = new BlockedValueSet(new BlockedValueOptions(), (_, entry) => entry);
        var keys = new BlockingKeys(new BlockingOptions { Rules = ["national_id", "email_local_part_folded"] }, blocked);

        Assert.Empty(keys.For(new Dictionary<string, string> { ["national_id"] = "000000000", ["email"] = "test@test.com" }));
        Assert.Equal(2, keys.For(new Dictionary<string, string> { ["national_id"] = "QQ123456C", ["email"] = "ann@shop.co.uk" }).Count);
    }

    [Fact]
    public void ConfiguredRules_ReplaceTheDefaults()
    {
        var keys = new BlockingKeys(new BlockingOptions { Rules = ["surname_soundex + first_name_initial"] });

        Assert.Equal(["b:sx_fi:S530:j"], keys.For(new Dictionary<string, string> { ["last_name"] = "Schmidt", ["first_name"] = "Jan" }).Select(k => k.Key));
        Assert.Equal("surname_soundex+first_name_initial", Assert.Single(keys.Rules).Name);
    }

    [Theory]
    [InlineData("surname_phonetic+shoe_size")]
    [InlineData("postcode+postcode")]
    [InlineData("")]
    public void BadRule_Throws(string rule)
    {
        Assert.Throws<ArgumentException>(() => new BlockingKeys(new BlockingOptions { Rules = [rule] }));
    }

    [Fact]
    public void RepeatedRule_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BlockingKeys(new BlockingOptions { Rules = ["national_id", "national_id"] }));
    }

    [Fact]
    public void VariantSpellings_ShareTheSurnameKey()
    {
        var keys = new BlockingKeys(new BlockingOptions { Rules = ["surname_phonetic+birth_year"] });

        var a = keys.For(new Dictionary<string, string> { ["last_name"] = "Smith", ["birth_date"] = "1980-01-02" });
        var b = keys.For(new Dictionary<string, string> { ["last_name"] = "SMYTH", ["birth_date"] = "1980-02-01" });

        Assert.Equal(a, b);
    }

    [Fact]
    public void StreetNumber_ReadsItsOwnFieldBeforeTheAddressLine()
    {
        var keys = new BlockingKeys(new BlockingOptions { Rules = ["postcode+street_number"] });

        var own = keys.For(new Dictionary<string, string> { ["postcode"] = "2600", ["street_number"] = "12", ["address_line1"] = "7 high street" });
        var inLine = keys.For(new Dictionary<string, string> { ["postcode"] = "2600", ["address_line1"] = "12 high street" });

        Assert.Equal("b:pc_st:2600:12", Assert.Single(own).Key);
        Assert.Equal(own, inLine);
    }

    [Fact]
    public void SharedRules_AreTheFieldsOfTheKeysBothRecordsHave()
    {
        var keys = new BlockingKeys(new BlockingOptions { Rules = ["surname_phonetic+birth_year", "birth_date", "postcode+street_number"] });
        var left = keys.For(new Dictionary<string, string> { ["last_name"] = "Smith", ["birth_date"] = "1980-01-02", ["postcode"] = "2600", ["street_number"] = "4" });
        var right = keys.For(new Dictionary<string, string> { ["last_name"] = "Smyth", ["birth_date"] = "1980-02-01", ["postcode"] = "2600", ["street_number"] = "4" });

        var shared = keys.SharedRules(left, right);

        Assert.Equal(2, shared.Length);
        Assert.Equal(["last_name", "birth_date"], shared[0].ToArray());
        Assert.Equal(["postcode", "street_number"], shared[1].ToArray());
        Assert.Empty(keys.SharedRules(left, []));
    }

    [Fact]
    public void EveryKnownPart_DerivesAValue()
    {
        foreach (var part in BlockingPart.All)
        {
            Assert.True(Complete.TryGetValue(part.Attribute, out var value) || Complete.TryGetValue(part.FallbackAttribute ?? part.Attribute, out value), part.Name);
            Assert.False(string.IsNullOrEmpty(BlockingPartValues.Derive(part, value)), part.Name);
        }
    }
}
