using Cdm.Api.V1;
using System.Runtime.CompilerServices;
using Grpc.Core;

namespace Cdm.Cli.Tests.Fakes;

/// <summary>
/// Answers each streamed record after a short random delay, so results come back out of order as they
/// do from the real gateway, and records how many records a stream had awaiting an answer.
/// </summary>
public sealed class FakeIngestionService(FakeGatewayState state) : Ingestion.IngestionBase
{
    public override async Task IngestStream(IAsyncStreamReader<SourceRecord> requestStream, IServerStreamWriter<IngestResult> responseStream,
        ServerCallContext context)
    {
        var streamOutstanding = new StrongBox<int>();
        using var writeLock = new SemaphoreSlim(1, 1);
        var answers = new List<Task>();
        var stopped = false;
        ulong index = 0;
        try
        {
            await foreach (var record in requestStream.ReadAllAsync(context.CancellationToken))
            {
                if (state.FailStreamAfter is { } limit && state.Received.Count >= limit)
                {
                    throw new RpcException(new Status(StatusCode.Internal, "the fake gateway broke"));
                }

                state.Received.Enqueue(record);
                state.Arrived(streamOutstanding);
                var result = state.Decide(record);
                result.Index = index++;
                var delay = Random.Shared.Next(0, 3);
                answers.Add(Task.Run(async () =>
                {
                    await Task.Delay(delay);
                    await writeLock.WaitAsync();
                    try
                    {
                        if (!stopped)
                        {
                            FakeGatewayState.Answered(streamOutstanding);
                            await responseStream.WriteAsync(result);
                        }
                    }
                    finally
                    {
                        writeLock.Release();
                    }
                }));
            }

            await Task.WhenAll(answers);
        }
        catch
        {
            await writeLock.WaitAsync();
            stopped = true;
            writeLock.Release();
            throw;
        }
    }

    public override Task<IngestResult> Ingest(SourceRecord request, ServerCallContext context) => Task.FromResult(state.Decide(request));
}
