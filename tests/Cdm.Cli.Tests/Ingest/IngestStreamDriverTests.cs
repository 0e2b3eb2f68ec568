using System.Collections.Concurrent;
using System.Threading.Channels;
using Cdm.Api.V1;
using Cdm.Cli.Gateway;
using Cdm.Cli.Ingest;
using Cdm.Cli.Tests.Fakes;
using Grpc.Core;

namespace Cdm.Cli.Tests.Ingest;

public sealed class IngestStreamDriverTests
{
    [Fact]
    public async Task Run_ReturnsEveryResultToItsTagWithinTheInFlightBound()
    {
        await using var gateway = await FakeGateway.StartAsync();
        using var channel = GatewayConnection.Open(gateway.Address);
        var driver = new IngestStreamDriver(new Ingestion.IngestionClient(channel), streams: 3, inFlightPerStream: 5);
        var observer = new RecordingObserver();

        await driver.RunAsync(Records(500), observer, CancellationToken.None);

        Assert.Equal(500, observer.Results.Count);
        Assert.All(observer.Results, pair => Assert.Equal($"r{pair.Key}", pair.Value.RecordId));
        Assert.Empty(observer.NoResult);
        Assert.True(gateway.State.MaxOutstandingPerStream <= 5,
            $"a stream had {gateway.State.MaxOutstandingPerStream} records awaiting an answer, expected at most 5");
    }

    [Fact]
    public async Task Run_ThrowsTheServersStatusWhenAStreamFails()
    {
        await using var gateway = await FakeGateway.StartAsync();
        gateway.State.FailStreamAfter = 50;
        using var channel = GatewayConnection.Open(gateway.Address);
        var driver = new IngestStreamDriver(new Ingestion.IngestionClient(channel), streams: 2, inFlightPerStream: 8);

        var error = await Assert.ThrowsAsync<RpcException>(() => driver.RunAsync(Records(1000), new RecordingObserver(), CancellationToken.None));

        // The server's INTERNAL, or UNAVAILABLE when its reset of the HTTP/2 stream overtakes the trailers
        // while the client is still sending: either way the run fails with the call's error, not a hang.
        Assert.Contains(error.StatusCode, new[] { StatusCode.Internal, StatusCode.Unavailable });
    }

    [Fact]
    public async Task Run_ThrowsTheInputsErrorWhenReadingFails()
    {
        await using var gateway = await FakeGateway.StartAsync();
        using var channel = GatewayConnection.Open(gateway.Address);
        var driver = new IngestStreamDriver(new Ingestion.IngestionClient(channel), streams: 2, inFlightPerStream: 8);
        var input = Channel.CreateUnbounded<OutgoingRecord>();
        input.Writer.TryWrite(new OutgoingRecord(1, new SourceRecord { Source = "s", RecordId = "1" }));
        input.Writer.Complete(new IOException("disk went away"));

        var error = await Assert.ThrowsAsync<IOException>(() => driver.RunAsync(input.Reader, new RecordingObserver(), CancellationToken.None));

        Assert.Equal("disk went away", error.Message);
    }

    [Fact]
    public async Task Run_FailsWithUnavailableWhenNothingListens()
    {
        using var channel = GatewayConnection.Open("http://127.0.0.1:1");
        var driver = new IngestStreamDriver(new Ingestion.IngestionClient(channel), streams: 2, inFlightPerStream: 8);

        var error = await Assert.ThrowsAsync<RpcException>(() => driver.RunAsync(Records(10), new RecordingObserver(), CancellationToken.None));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    private static ChannelReader<OutgoingRecord> Records(int count)
    {
        var channel = Channel.CreateUnbounded<OutgoingRecord>();
        for (var i = 0; i < count; i++)
        {
            channel.Writer.TryWrite(new OutgoingRecord(i, new SourceRecord { Source = "s", RecordId = $"r{i}" }));
        }

        channel.Writer.Complete();
        return channel.Reader;
    }

    private sealed class RecordingObserver : IIngestObserver
    {
        public ConcurrentDictionary<long, IngestResult> Results { get; } = new();

        public ConcurrentBag<long> NoResult { get; } = [];

        public void OnResult(long tag, IngestResult result, long sentAt)
        {
            Assert.True(Results.TryAdd(tag, result), $"tag {tag} answered twice");
        }

        public void OnNoResult(long tag) => NoResult.Add(tag);
    }
}
