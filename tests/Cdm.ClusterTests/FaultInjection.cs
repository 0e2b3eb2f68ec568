using System.Collections.Concurrent;

namespace Cdm.ClusterTests;

/// <summary>
/// Makes chosen grain calls fail once, to interrupt a saga at a known step. Armed per grain key and
/// method, so tests that run side by side never trip each other's faults.
/// </summary>
public sealed class FaultInjection : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<(string Key, string Method), int> Armed = new();

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> on the grain keyed <paramref name="grainKey"/> fail.</summary>
    public static void FailNext(string grainKey, string method, int times = 1) => Armed[(grainKey, method)] = times;

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        var key = (context.TargetId.Key.ToString()!, context.MethodName);
        if (Armed.TryGetValue(key, out var left) && left > 0 && Armed.TryUpdate(key, left - 1, left))
        {
            throw new InjectedFaultException($"Injected fault in {context.MethodName} of {key.Item1}");
        }

        await context.Invoke();
    }
}

/// <summary>The failure a test asked for.</summary>
public sealed class InjectedFaultException(string message) : Exception(message);
