using Cdm.Gateway.Diagnostics;
using Orleans.Storage;

namespace Cdm.Gateway.Resilience;

/// <summary>
/// Retries a grain call that failed for a reason that is nobody's input: a timeout, a silo that went
/// away, a storage write that lost an optimistic-concurrency race. Every ingest and delete is
/// idempotent, so running one again after a failure whose outcome is unknown adds nothing twice.
/// </summary>
public sealed class TransientRetry(int attempts = 3, TimeSpan? firstDelay = null, TimeProvider? time = null, GatewayMetrics? metrics = null)
{
    private readonly TimeSpan firstDelay = firstDelay ?? TimeSpan.FromMilliseconds(100);
    private readonly TimeProvider time = time ?? TimeProvider.System;

    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var delay = firstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (attempt < attempts && IsTransient(ex) && !cancellationToken.IsCancellationRequested)
            {
                metrics?.TransientRetry(ex);
                await Task.Delay(delay, time, cancellationToken);
                delay *= 4;
            }
        }
    }

    public static bool IsTransient(Exception exception) => exception is
        TimeoutException or
        OrleansMessageRejectionException or
        InconsistentStateException;
}
