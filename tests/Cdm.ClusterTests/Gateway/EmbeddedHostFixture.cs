namespace Cdm.ClusterTests.Gateway;

/// <summary>One embedded host process for the gateway tests; each test uses its own source names.</summary>
public sealed class EmbeddedHostFixture : IAsyncLifetime
{
    public EmbeddedHost Host { get; } = new();

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class EmbeddedHostCollection : ICollectionFixture<EmbeddedHostFixture>
{
    public const string Name = "embedded host";
}
