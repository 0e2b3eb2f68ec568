using System.Diagnostics;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Cdm.Bench.Load;

/// <summary>
/// The ceiling of the transport: standard health <c>Check</c> calls, which do no work on the server,
/// over the same channel as the load, for a fixed time.
/// </summary>
public static class EmptyRoundTrips
{
    public static async Task<RoundTripFigures> MeasureAsync(GrpcChannel channel, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        var client = new Health.HealthClient(channel);
        try
        {
            await client.CheckAsync(new HealthCheckRequest(), cancellationToken: cancellationToken);
        }
        catch (RpcException e)
        {
            return new RoundTripFigures(concurrency, 0, 0, 0, $"health service: {e.StatusCode}: {e.Status.Detail}");
        }

        long calls = 0;
        var clock = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                await client.CheckAsync(new HealthCheckRequest(), cancellationToken: cancellationToken);
                Interlocked.Increment(ref calls);
            }
        });
        try
        {
            await Task.WhenAll(callers);
        }
        catch (RpcException e)
        {
            return new RoundTripFigures(concurrency, calls, clock.Elapsed.TotalSeconds, 0, $"{e.StatusCode}: {e.Status.Detail}");
        }

        var seconds = clock.Elapsed.TotalSeconds;
        return new RoundTripFigures(concurrency, calls, seconds, calls / seconds, null);
    }
}
