using System.Threading.Channels;
using Cdm.Api.V1;
using Cdm.Contracts.Ingestion;
using Cdm.Gateway.Diagnostics;
using Cdm.Gateway.Errors;
using Cdm.Gateway.Security;
using Cdm.Gateway.Resilience;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Cdm.Gateway.Ingestion;

/// <summary>
/// <c>cdm.v1.Ingestion</c>: maps records to the resolver grain and back. The stream keeps a bounded
/// number of records in flight and stops reading while that many are unanswered (back-pressure).
/// </summary>
[Authorize(Policy = AccessPolicies.Sources)]
public sealed class IngestionService(IGrainFactory grains, IOptions<GatewayOptions> options, TransientRetry retry, GatewayMetrics metrics) : Api.V1.Ingestion.IngestionBase
{
    private IResolverGrain Resolver => grains.GetGrain<IResolverGrain>(0);

    public override async Task<IngestResult> Ingest(SourceRecord request, ServerCallContext context)
    {
        context.Caller().RequireWrite(request.Source, "source");
        var record = request.ToContract();
        var startedAt = metrics.StartTiming();
        IngestOutcome? outcome = null;
        try
        {
            outcome = await retry.RunAsync(() => Resolver.IngestAsync(record), context.CancellationToken);
        }
        finally
        {
            metrics.RecordIngest(streamed: false, outcome?.Status, startedAt);
        }

        if (outcome.Status == Contracts.Ingestion.IngestStatus.Rejected)
        {
            RpcErrors.ThrowInvalid(outcome.Violations);
        }

        return outcome.ToProto(request, 0);
    }

    public override async Task IngestStream(IAsyncStreamReader<SourceRecord> requestStream, IServerStreamWriter<IngestResult> responseStream, ServerCallContext context)
    {
        var window = options.Value.StreamWindow;
        // The response stream allows one writer at a time: results queue here and one loop writes them.
        var results = Channel.CreateBounded<IngestResult>(new BoundedChannelOptions(window) { SingleReader = true });
        var writer = Task.Run(async () =>
        {
            await foreach (var result in results.Reader.ReadAllAsync(context.CancellationToken))
            {
                await responseStream.WriteAsync(result, context.CancellationToken);
            }
        });

        using var slots = new SemaphoreSlim(window);
        var inFlight = new List<Task>();
        ulong index = 0;
        var caller = context.Caller();
        string? foreignSource = null;
        try
        {
            await foreach (var record in requestStream.ReadAllAsync(context.CancellationToken))
            {
                if (!caller.MayWrite(record.Source))
                {
                    // The stream ends here: the records before are answered, this one and the rest change nothing.
                    foreignSource = record.Source;
                    break;
                }

                await slots.WaitAsync(context.CancellationToken);
                inFlight.RemoveAll(static t => t.IsCompletedSuccessfully);
                inFlight.Add(IngestOneAsync(record, index++, results.Writer, slots, context.CancellationToken));
            }

            await Task.WhenAll(inFlight);
        }
        finally
        {
            results.Writer.TryComplete();
        }

        await writer;
        if (foreignSource is not null)
        {
            caller.RequireWrite(foreignSource, $"records[{index}].source");
        }
    }

    public override async Task<DeleteRecordResponse> DeleteRecord(DeleteRecordRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.Source))
        {
            RpcErrors.ThrowInvalid("source", "is required");
        }

        if (string.IsNullOrEmpty(request.RecordId))
        {
            RpcErrors.ThrowInvalid("record_id", "is required");
        }

        context.Caller().RequireWrite(request.Source, "source");

        var outcome = await retry.RunAsync(() => Resolver.DeleteAsync(request.Source, request.RecordId), context.CancellationToken);
        return new DeleteRecordResponse { Deleted = outcome.Deleted, ProfileId = outcome.ProfileId ?? "" };
    }

    private async Task IngestOneAsync(SourceRecord record, ulong index, ChannelWriter<IngestResult> results, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            IngestResult result;
            try
            {
                var incoming = record.ToContract();
                var startedAt = metrics.StartTiming();
                IngestOutcome? outcome = null;
                try
                {
                    outcome = await retry.RunAsync(() => Resolver.IngestAsync(incoming), cancellationToken);
                }
                finally
                {
                    metrics.RecordIngest(streamed: true, outcome?.Status, startedAt);
                }

                result = outcome.ToProto(record, index);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
            {
                // A malformed field found while mapping: that record is rejected, the stream goes on.
                result = new IngestResult { Source = record.Source, RecordId = record.RecordId, Index = index, Status = Api.V1.IngestStatus.Rejected };
                result.Violations.Add(new FieldViolation { Field = "record", Reason = ex.Status.Detail });
            }

            await results.WriteAsync(result);
        }
        finally
        {
            slots.Release();
        }
    }
}
