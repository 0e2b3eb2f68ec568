using System.Collections.Immutable;
using Cdm.Api.V1;
using Cdm.Contracts.Matching;
using Cdm.Gateway.Errors;
using Cdm.Gateway.Ingestion;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Contract = Cdm.Contracts.Records;

using Cdm.Gateway.Security;
using Microsoft.AspNetCore.Authorization;

namespace Cdm.Gateway.Matching;

/// <summary><c>cdm.v1.Models</c>: the match model registry and training, one grain call per RPC.</summary>
[Authorize(Policy = AccessPolicies.Stewards)]
public sealed class ModelsService(IGrainFactory grains) : Models.ModelsBase
{
    /// <summary>The most records one training call takes.</summary>
    public const int MaxTrainingRecords = 2_000_000;

    private IMatchModelGrain Registry => grains.GetGrain<IMatchModelGrain>(IMatchModelGrain.Key);

    public override async Task<Api.V1.ModelVersion> AddModel(AddModelRequest request, ServerCallContext context)
    {
        if (request.Document.Length == 0)
        {
            RpcErrors.ThrowInvalid("document", "is required");
        }

        try
        {
            return (await Registry.AddAsync(request.Document, request.Description, request.Activate)).ToProto();
        }
        catch (ArgumentException e)
        {
            RpcErrors.ThrowInvalid("document", e.Message);
            throw;
        }
    }

    public override async Task<TrainModelResponse> TrainModel(TrainModelRequest request, ServerCallContext context) =>
        Answer(await grains.GetGrain<IModelTrainerGrain>(Guid.NewGuid()).TrainFromStoredRecordsAsync(request.Description, request.Activate, request.Seed));

    public override async Task<TrainModelResponse> TrainModelFromRecords(IAsyncStreamReader<TrainingRecords> requestStream, ServerCallContext context)
    {
        TrainModelRequest? options = null;
        var trainer = grains.GetGrain<IModelTrainerGrain>(Guid.NewGuid());
        var count = 0;
        await foreach (var batch in requestStream.ReadAllAsync(context.CancellationToken))
        {
            options ??= batch.Options ?? new TrainModelRequest();
            count += batch.Records.Count;
            if (count > MaxTrainingRecords)
            {
                RpcErrors.ThrowInvalid("records", $"at most {MaxTrainingRecords} records can be trained on in one call");
            }

            if (batch.Records.Count > 0)
            {
                await trainer.AddRecordsAsync([.. batch.Records.Select(static r => r.ToContract())]);
            }
        }

        options ??= new TrainModelRequest();
        return Answer(await trainer.TrainOnAddedRecordsAsync(options.Description, options.Activate, options.Seed));
    }

    public override async Task<Api.V1.ModelVersion> ActivateModel(ActivateModelRequest request, ServerCallContext context)
    {
        if (request.Version < 0)
        {
            RpcErrors.ThrowInvalid("version", "must be 0 (none) or a stored version");
        }

        try
        {
            var active = await Registry.ActivateAsync(request.Version);
            return active?.ToProto() ?? new Api.V1.ModelVersion { Version = 0, Description = "probabilistic matching off", Active = true };
        }
        catch (ArgumentException e)
        {
            RpcErrors.ThrowNotFound(e.Message);
            throw;
        }
    }

    public override async Task<Api.V1.ModelVersion> GetModel(GetModelRequest request, ServerCallContext context)
    {
        var model = request.Version == 0 ? await Registry.GetActiveAsync() : await Registry.GetAsync(request.Version);
        if (model is null)
        {
            RpcErrors.ThrowNotFound(request.Version == 0 ? "no match model is active" : $"no match model version {request.Version}");
        }

        return model.ToProto();
    }

    public override async Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context)
    {
        var response = new ListModelsResponse();
        response.Models.AddRange((await Registry.ListAsync()).Select(static m => m.ToProto()));
        return response;
    }

    public override async Task ReResolve(Api.V1.ReResolveRequest request, IServerStreamWriter<Api.V1.ReResolveProgress> responseStream, ServerCallContext context)
    {
        if (request.ModelVersion < 0)
        {
            RpcErrors.ThrowInvalid("model_version", "must be 0 (the active model) or a stored version");
        }

        if (request.MaxExamples < 0)
        {
            RpcErrors.ThrowInvalid("max_examples", "must not be negative");
        }

        try
        {
            var run = grains.GetGrain<IReResolveGrain>(Guid.NewGuid())
                .RunAsync(new Contracts.Matching.ReResolveRequest(request.ModelVersion, request.Apply, request.MaxExamples), context.CancellationToken);
            await foreach (var step in run.WithCancellation(context.CancellationToken))
            {
                await responseStream.WriteAsync(step.ToProto(), context.CancellationToken);
            }
        }
        catch (ArgumentException e)
        {
            RpcErrors.ThrowNotFound(e.Message);
            throw;
        }
    }

    private static TrainModelResponse Answer(TrainingOutcome outcome)
    {
        if (outcome.Model is null)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"cannot train a match model: {outcome.Refusal}"));
        }

        return new TrainModelResponse { Model = outcome.Model.ToProto(), Records = outcome.Records, CandidatePairs = outcome.CandidatePairs };
    }
}

/// <summary>Maps model versions to <c>cdm.v1</c>.</summary>
public static class ModelMapping
{
    public static Api.V1.ModelVersion ToProto(this MatchModelVersion version) => new()
    {
        Version = version.Version,
        Description = version.Description,
        CreatedAt = Timestamp.FromDateTimeOffset(version.CreatedAt),
        Active = version.Active,
        Document = version.Document ?? "",
    };

    public static Api.V1.ReResolveProgress ToProto(this Contracts.Matching.ReResolveProgress progress) => new()
    {
        Phase = progress.Phase,
        Done = progress.Done,
        Total = progress.Total,
        Summary = progress.Summary?.ToProto(),
    };

    public static Api.V1.ReResolveSummary ToProto(this Contracts.Matching.ReResolveSummary summary)
    {
        var proto = new Api.V1.ReResolveSummary
        {
            ModelVersion = summary.ModelVersion,
            Applied = summary.Applied,
            Profiles = summary.Profiles,
            Records = summary.Records,
            CandidatePairs = summary.CandidatePairs,
            LinkPairs = summary.LinkPairs,
            WouldMergeGroups = summary.WouldMergeGroups,
            WouldMergeProfiles = summary.WouldMergeProfiles,
            WouldSplitProfiles = summary.WouldSplitProfiles,
            MergesApplied = summary.MergesApplied,
            SplitsApplied = summary.SplitsApplied,
            RefusedByDoNotLink = summary.RefusedByDoNotLink,
            LimitConflicts = summary.LimitConflicts,
            AcceptedLinks = summary.AcceptedLinks,
            Elapsed = Duration.FromTimeSpan(summary.Elapsed),
        };
        proto.Examples.AddRange(summary.Examples.Select(static e => e.ToProto()));
        return proto;
    }

    public static Api.V1.ReResolveExample ToProto(this Contracts.Matching.ReResolveExample example)
    {
        var proto = new Api.V1.ReResolveExample
        {
            Kind = example.Kind == Contracts.Matching.ReResolveChange.Merge ? Api.V1.ReResolveChange.Merge : Api.V1.ReResolveChange.Split,
            Reason = example.Reason,
        };
        proto.ProfileIds.AddRange(example.ProfileIds);
        proto.Groups.AddRange(example.Groups.Select(static g => new SourceKeyGroup { SourceKeys = { g } }));
        return proto;
    }
}
