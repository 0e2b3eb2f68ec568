using System.Diagnostics;
using System.Threading.Channels;
using Cdm.Api.V1;
using Grpc.Core;

namespace Cdm.Cli.Ingest;

/// <summary>
/// Sends records over several concurrent <c>IngestStream</c> calls, each with a bounded number of
/// records awaiting their result, and reports every result to an observer.
/// </summary>
/// <remarks>
/// Streams take records from one shared queue only when they have a free slot, so a slow stream never
/// holds records that another could send. The server answers in completion order with each record's
/// position in its stream; each stream maps positions back to the caller's tags.
/// </remarks>
public sealed class IngestStreamDriver(Ingestion.IngestionClient client, int streams, int inFlightPerStream)
{
    public int Streams { get; } = streams >= 1 ? streams : throw new ArgumentOutOfRangeException(nameof(streams));

    public int InFlightPerStream { get; } = inFlightPerStream >= 1 ? inFlightPerStream : throw new ArgumentOutOfRangeException(nameof(inFlightPerStream));

    /// <summary>
    /// Sends every record of <paramref name="input"/> and returns once each has its result. Throws the
    /// <see cref="RpcException"/> of the first stream that fails (the others are cancelled), or the
    /// input's own exception when the input fails.
    /// </summary>
    public async Task RunAsync(ChannelReader<OutgoingRecord> input, IIngestObserver observer, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Enumerable.Range(0, Streams).Select(async _ =>
        {
            try
            {
                await RunStreamAsync(input, observer, failed.Token);
            }
            catch
            {
                // One broken stream ends the run: the others stop instead of sending into a failing server.
                await failed.CancelAsync();
                throw;
            }
        }).ToArray();

        try
        {
            await Task.WhenAll(tasks);
        }
        catch
        {
            // Report the root cause, not the cancellations it caused in the other streams.
            var errors = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).ToList();
            var cause = errors.FirstOrDefault(e => !IsCancellation(e)) ?? errors.FirstOrDefault();
            if (cause is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(cause);
            }

            throw;
        }
    }

    private async Task RunStreamAsync(ChannelReader<OutgoingRecord> input, IIngestObserver observer, CancellationToken cancellationToken)
    {
        using var streamFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var call = client.IngestStream(cancellationToken: streamFailed.Token);
        using var slots = new SemaphoreSlim(InFlightPerStream, InFlightPerStream);
        var pending = new Dictionary<ulong, (long Tag, long SentAt)>();

        var receiving = Task.Run(async () =>
        {
            try
            {
                await foreach (var result in call.ResponseStream.ReadAllAsync(streamFailed.Token))
                {
                    (long Tag, long SentAt) sent;
                    lock (pending)
                    {
                        if (!pending.Remove(result.Index, out sent))
                        {
                            // A position never sent or answered twice: nothing to release.
                            continue;
                        }
                    }

                    slots.Release();
                    observer.OnResult(sent.Tag, result, sent.SentAt);
                }
            }
            catch
            {
                await streamFailed.CancelAsync();
                throw;
            }
        }, CancellationToken.None);

        Exception? sendError = null;
        try
        {
            ulong index = 0;
            while (true)
            {
                await slots.WaitAsync(streamFailed.Token);
                if (!await input.WaitToReadAsync(streamFailed.Token))
                {
                    break;
                }

                if (!input.TryRead(out var item))
                {
                    slots.Release();
                    continue;
                }

                var sentAt = Stopwatch.GetTimestamp();
                lock (pending)
                {
                    pending[index] = (item.Tag, sentAt);
                }

                await call.RequestStream.WriteAsync(item.Record, streamFailed.Token);
                index++;
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e)
        {
            sendError = e;
        }

        if (sendError is not null && !receiving.IsCompleted && sendError is not RpcException && !IsCancellation(sendError))
        {
            // The input failed, not the call: stop the call and report the input's error.
            await streamFailed.CancelAsync();
            try
            {
                await receiving;
            }
            catch (Exception)
            {
                // The cancellation we just caused.
            }

            throw sendError;
        }

        // When the call broke, a write fails without the status: the response side carries it.
        await receiving;
        if (sendError is not null)
        {
            throw sendError;
        }

        lock (pending)
        {
            foreach (var (tag, _) in pending.Values)
            {
                observer.OnNoResult(tag);
            }

            pending.Clear();
        }
    }

    private static bool IsCancellation(Exception e) =>
        e is OperationCanceledException || e is RpcException { StatusCode: StatusCode.Cancelled };
}
