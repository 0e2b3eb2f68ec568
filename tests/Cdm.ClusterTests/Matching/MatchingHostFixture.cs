using Cdm.Api.V1;
using Cdm.ClusterTests.Gateway;

namespace Cdm.ClusterTests.Matching;

/// <summary>
/// An embedded host of its own with a hand-set match model active (re-read on every ingest), so probabilistic
/// links cannot reach the records of other test collections. Tests use their own surnames.
/// </summary>
public sealed class MatchingHostFixture : IAsyncLifetime
{
    public EmbeddedHost Host { get; } = new(null, "--Cdm:Matching:ModelRefreshInterval=00:00:00");

    public Models.ModelsClient Models => new(Host.Channel);

    public Api.V1.Stewardship.StewardshipClient Stewardship => new(Host.Channel);

    public async Task InitializeAsync()
    {
        await Host.StartAsync();
        await Models.AddModelAsync(new AddModelRequest { Document = TestMatchModel.Document(), Description = "test model", Activate = true });
    }

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}

[CollectionDefinition(Name)]
public sealed class MatchingHostCollection : ICollectionFixture<MatchingHostFixture>
{
    public const string Name = "matching host";
}
