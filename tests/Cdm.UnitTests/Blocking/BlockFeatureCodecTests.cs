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
        var encoded = BlockFeatureCodec.Encode(new Dictionary<string, string> { ["postcode"] = "2000" });

        Assert.Equal("""{"postcode":"2000"}""", Encoding.UTF8.GetString(encoded));
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
