using Cdm.Gateway.Security;
using Microsoft.Extensions.Configuration;

namespace Cdm.ClusterTests.Gateway;

public sealed class SafeBindingTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Theory]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("http://localhost:5000;http://[::1]:5001")]
    public void OpenMode_OnLoopback_Starts(string urls)
    {
        AuthRegistration.EnsureSafeBinding(Config(("urls", urls)));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5000")]
    [InlineData("http://127.0.0.1:5000;http://*:5001")]
    [InlineData("http://cdm.internal:5000")]
    public void OpenMode_BeyondLoopback_RefusesToStart_NamingTheAddress(string urls)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => AuthRegistration.EnsureSafeBinding(Config(("urls", urls))));

        Assert.Contains("without authentication", refused.Message, StringComparison.Ordinal);
        Assert.Contains(urls.Split(';')[^1].Replace("*", "", StringComparison.Ordinal).Split(':')[1].TrimStart('/'), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenMode_OnAKestrelEndpointBeyondLoopback_RefusesToStart()
    {
        Assert.Throws<InvalidOperationException>(() => AuthRegistration.EnsureSafeBinding(
            Config(("urls", "http://127.0.0.1:5000"), ("Kestrel:Endpoints:Tls:Url", "https://0.0.0.0:5443"))));
    }

    [Fact]
    public void RequiredMode_OrAnAcceptedRisk_StartsAnywhere()
    {
        AuthRegistration.EnsureSafeBinding(Config(("urls", "http://0.0.0.0:5000"), ("Cdm:Auth:Mode", "Required")));
        AuthRegistration.EnsureSafeBinding(Config(("urls", "http://0.0.0.0:5000"), ("Cdm:Auth:AllowOpenOnNetwork", "true")));
    }
}
