using Cdm.Cli.Lookup;

namespace Cdm.Cli.Tests.Lookup;

public sealed class LookupTextTests
{
    [Theory]
    [InlineData("email=a@b.com", "email", "a@b.com")]
    [InlineData("crm_id=A=B", "crm_id", "A=B")]
    public void TryIdentifier_SplitsAtTheFirstEquals(string text, string type, string value)
    {
        Assert.True(LookupText.TryIdentifier(text, out var identifier));
        Assert.Equal((type, value), (identifier.Type, identifier.Value));
    }

    [Theory]
    [InlineData("email")]
    [InlineData("=a@b.com")]
    [InlineData("email=")]
    public void TryIdentifier_RefusesAnEmptySide(string text)
    {
        Assert.False(LookupText.TryIdentifier(text, out _));
    }

    [Theory]
    [InlineData("crm/1/2", "crm", "1/2", true)]
    [InlineData("crm/", "", "", false)]
    [InlineData("/1", "", "", false)]
    public void TrySourceKey_SplitsAtTheFirstSlash(string text, string source, string recordId, bool ok)
    {
        Assert.Equal(ok, LookupText.TrySourceKey(text, out var key));
        Assert.Equal((source, recordId), (key.Source, key.RecordId));
    }
}
