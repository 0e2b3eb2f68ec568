using Cdm.Grains.Security;

namespace Cdm.UnitTests.Security;

public sealed class ApiKeySecretsTests
{
    [Fact]
    public void Create_GivesAKeyThatParsesToItsIdAndMatchesItsHash()
    {
        var (id, key, hash) = ApiKeySecrets.Create();

        Assert.True(ApiKeySecrets.TryParse(key, out var parsedId, out var secret));
        Assert.Equal(id, parsedId);
        Assert.True(ApiKeySecrets.Matches(secret, hash));
        Assert.DoesNotContain(secret, hash, StringComparison.Ordinal);
        Assert.Equal(64, hash.Length);
    }

    [Fact]
    public void Create_NeverRepeats()
    {
        var keys = Enumerable.Range(0, 1000).Select(_ => ApiKeySecrets.Create()).ToList();

        Assert.Equal(1000, keys.Select(k => k.Id).Distinct().Count());
        Assert.Equal(1000, keys.Select(k => k.SecretSha256).Distinct().Count());
    }

    [Fact]
    public void Matches_RefusesAnyOtherSecret()
    {
        var (_, key, hash) = ApiKeySecrets.Create();
        ApiKeySecrets.TryParse(key, out _, out var secret);

        Assert.False(ApiKeySecrets.Matches(secret[..^1] + (secret[^1] == 'A' ? 'B' : 'A'), hash));
        Assert.False(ApiKeySecrets.Matches(secret + "x", hash));
        Assert.False(ApiKeySecrets.Matches("", hash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cdm_")]
    [InlineData("cdm_0123456789abcdef")]
    [InlineData("cdm_0123456789abcdef_")]
    [InlineData("cdm_0123456789ABCDEF_secret")]
    [InlineData("cdm_0123456789abcdeX_secret")]
    [InlineData("xyz_0123456789abcdef_secret")]
    [InlineData("cdm_0123456789abcdef-secret")]
    public void TryParse_RefusesWhatIsNotAKey(string? key)
    {
        Assert.False(ApiKeySecrets.TryParse(key, out _, out _));
    }

    [Fact]
    public void TryParse_RefusesAnOversizedKey()
    {
        Assert.False(ApiKeySecrets.TryParse("cdm_0123456789abcdef_" + new string('a', 300), out _, out _));
        Assert.True(ApiKeySecrets.TryParse("cdm_0123456789abcdef_" + new string('a', 43), out _, out _));
    }
}
