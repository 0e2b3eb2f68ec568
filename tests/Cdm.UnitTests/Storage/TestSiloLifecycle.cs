namespace Cdm.UnitTests.Storage;

/// <summary>
/// Runs the lifecycle stages of a few participants in order, as a silo would, without starting a silo.
/// </summary>
internal sealed class TestSiloLifecycle : ISiloLifecycle
{
    private readonly List<(string Name, int Stage, ILifecycleObserver Observer)> _observers = [];

    public int HighestCompletedStage { get; private set; } = int.MinValue;

    public int LowestStoppedStage { get; private set; } = int.MaxValue;

    public IReadOnlyList<(string Name, int Stage)> Subscriptions => _observers.ConvertAll(o => (o.Name, o.Stage));

    public IDisposable Subscribe(string observerName, int stage, ILifecycleObserver observer)
    {
        var entry = (observerName, stage, observer);
        _observers.Add(entry);
        return new TestLifecycleSubscription(() => _observers.Remove(entry));
    }

    public async Task StartAsync()
    {
        foreach (var (_, stage, observer) in _observers.OrderBy(o => o.Stage).ToList())
        {
            await observer.OnStart(CancellationToken.None);
            HighestCompletedStage = stage;
        }
    }

    public async Task StopAsync()
    {
        foreach (var (_, stage, observer) in _observers.OrderByDescending(o => o.Stage).ToList())
        {
            await observer.OnStop(CancellationToken.None);
            LowestStoppedStage = stage;
        }
    }
}
