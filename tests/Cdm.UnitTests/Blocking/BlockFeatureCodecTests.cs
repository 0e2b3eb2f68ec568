using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Cdm.Grains.Blocking.Rows;

namespace Cdm.UnitTests.Blocking;

public sealed class BlockFeatureCodecTests
{
    [Fact]
    public void Encode_ThenDecode_GivesTheSameFeatures()
    {
        var features = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["given_name"] = "Zoë",
            ["family_name"] = "O'Brien \"Jr\"",
            ["birth_date"] = "1980-02-29",
            ["empty"] = "",
        });

        var decoded = BlockFeatureCodec.Decode(BlockFeatureCodec.Encode(features));

        Assert.Equal(features.OrderBy(static f => f.Key), decoded.OrderBy(static f => f.Key));
    }

    [Fact]
    public void Encode_WritesAFlatJsonObject()
    {
        var encoded = BlockFeatureCodec.Encode(ImmutableDictionary<string, string>.Empty.Add("postcode", "2000"));

        Assert.Equal("""{"postcode":"2000"}""", Encoding.UTF8.GetString(encoded));
    }

    [Fact]
    public void Encode_AgainOnTheSameThread_StartsFromAnEmptyBuffer()
    {
        var longer = BlockFeatureCodec.Encode(ImmutableDictionary<string, string>.Empty.Add("street", "Long Street Name"));
        var shorter = BlockFeatureCodec.Encode(ImmutableDictionary<string, string>.Empty.Add("city", "Ayr"));

        Assert.Equal("""{"street":"Long Street Name"}""", Encoding.UTF8.GetString(longer));
        Assert.Equal("""{"city":"Ayr"}""", Encoding.UTF8.GetString(shorter));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"a":1}""")]
    [InlineData("""{"a":{"b":"c"}}""")]
    public void Decode_RefusesAnythingButAFlatObjectOfStrings(string json)
    {
        Assert.ThrowsAny<JsonException>(() => BlockFeatureCodec.Decode(Encoding.UTF8.GetBytes(json)));
    }
}
