using System.Collections.Concurrent;

namespace Cdm.PostgresTests.Cluster;

/// <summary>
/// Lets a test await a reminder tick instead of polling: the silos run in the test process, so the probe grain
/// completes the signal of its key and the test awaits it.
/// </summary>
public static class ReminderSignals
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Signals = new();

    public static Task WhenFired(string key) => Get(key).Task;

    public static void Fired(string key) => Get(key).TrySetResult();

    private static TaskCompletionSource Get(string key) =>
        Signals.GetOrAdd(key, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
