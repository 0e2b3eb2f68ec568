namespace Cdm.ClusterTests.Gateway;

/// <summary>
/// An embedded host of its own for the operations tests, so that the counts it exports are this class's alone:
/// an operations port, the dashboard on, and JSON logs.
/// </summary>
public sealed class OperationsHostFixture : IAsyncLifetime
{
    public EmbeddedHost Host { get; } = new EmbeddedHost(null, "--Cdm:Dashboard:Enabled", "true", "--Cdm:Operations:LogFormat", "json").WithOperationsPort();

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();
}
