namespace Cdm.UnitTests.Storage;

/// <summary>Removes an observer from a <see cref="TestSiloLifecycle"/> when disposed.</summary>
internal sealed class TestLifecycleSubscription(Action unsubscribe) : IDisposable
{
    public void Dispose() => unsubscribe();
}
