using System.Security.Cryptography;
using System.Text;
using Cdm.Grains.Normalisation;

namespace Cdm.UnitTests.Normalisation;

public sealed class IdentifierKeysTests
{
    [Theory]
    [InlineData("email", "jane@example.org", "email:jane@example.org")]
    [InlineData("phone", "+14155552671", "phone:+14155552671")]
    [InlineData("crm_id", "AB:12", "crm_id:AB:12")]
    public void Key_ShortValue_IsTypeAndValue(string type, string value, string expected)
    {
        Assert.Equal(expected, IdentifierKeys.For(type, value));
    }

    [Fact]
    public void Key_ValueOf96Characters_IsPlain()
    {
        var value = new string('a', 96);

        Assert.Equal("loyalty_id:" + value, IdentifierKeys.For("loyalty_id", value));
    }

    [Fact]
    public void Key_ValueOver96Characters_IsHashed()
    {
        var value = new string('a', 97);
        var expected = "loyalty_id:sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

        var key = IdentifierKeys.For("loyalty_id", value);

        Assert.Equal(expected, key);
        Assert.Equal("loyalty_id:sha256:".Length + 64, key.Length);
    }

    [Fact]
    public void Key_HashIsOfUtf8Bytes()
    {
        var value = new string('é', 97);

        // SHA-256 of 97 times U+00E9 in UTF-8 (0xC3 0xA9), written out so the encoding is pinned.
        var bytes = Enumerable.Repeat(new byte[] { 0xC3, 0xA9 }, 97).SelectMany(b => b).ToArray();

        Assert.Equal("x:sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), IdentifierKeys.For("x", value));
    }

    [Fact]
    public void Key_ValueThatLooksHashed_IsHashedToo()
    {
        var lookalike = "sha256:" + new string('0', 64);

        var key = IdentifierKeys.For("crm_id", lookalike);

        Assert.NotEqual("crm_id:" + lookalike, key);
        Assert.StartsWith("crm_id:sha256:", key);
    }
}
