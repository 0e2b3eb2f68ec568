using Orleans.Runtime.Messaging;
using Cdm.Gateway.Diagnostics;
using Orleans.Storage;

namespace Cdm.Gateway.Resilience;

/// <summary>
/// Retries a grain call that failed for a reason that is nobody's input: a timeout, a silo that went
/// away, a storage write that lost an optimistic-concurrency race. Every ingest and delete is
/// idempotent, so running one again after a failure whose outcome is unknown adds nothing twice.
/// </summary>
/// <remarks>
/// The wait doubles from <c>firstDelay</c> up to <c>maxDelay</c>. In a cluster, a silo killed without warning takes
/// its peers some seconds to declare dead; until then calls routed to it fail or time out, so the attempts
/// must span that time (the defaults wait about 20 s in all).
/// </remarks>
public sealed class TransientRetry(int attempts = 8, TimeSpan? firstDelay = null, TimeProvider? time = null, TimeSpan? maxDelay = null, GatewayMetrics? metrics = null)
{
    private readonly TimeSpan firstDelay = firstDelay ?? TimeSpan.FromMilliseconds(100);
    private readonly TimeSpan maxDelay = maxDelay ?? TimeSpan.FromSeconds(5);
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
                delay = delay * 2 > maxDelay ? maxDelay : delay * 2;
            }
        }
    }

    public static bool IsTransient(Exception exception) => exception is
        TimeoutException or
        // Includes SiloUnavailableException: the silo that held the activation left or died.
        OrleansMessageRejectionException or
        InconsistentStateException or
        // The gateway's connection to a silo broke, or every silo it knows is gone for a moment.
        ConnectionFailedException or
        GatewayTooBusyException;
}
