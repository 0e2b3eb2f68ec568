using Cdm.Api.V1;
using Cdm.Contracts.Stewardship;
using Cdm.Gateway.Errors;
using Cdm.Gateway.Profiles;
using Grpc.Core;
using Contract = Cdm.Contracts.Stewardship;

using Cdm.Gateway.Security;
using Microsoft.AspNetCore.Authorization;

namespace Cdm.Gateway.Stewardship;

/// <summary><c>cdm.v1.Stewardship</c>: the review queue, one grain call per RPC.</summary>
[Authorize(Policy = AccessPolicies.Stewards)]
public sealed class StewardshipService(IGrainFactory grains) : Api.V1.Stewardship.StewardshipBase
{
    public const int MaxLimit = 1000;

    private IStewardGrain Steward => grains.GetGrain<IStewardGrain>(0);

    public override async Task<ListReviewsResponse> ListReviews(ListReviewsRequest request, ServerCallContext context)
    {
        if (request.Limit is < 0 or > MaxLimit)
        {
            RpcErrors.ThrowInvalid("limit", $"must be between 0 and {MaxLimit}");
        }

        var status = request.Status == Api.V1.ReviewStatus.Unspecified ? Contract.ReviewStatus.Open : request.Status.ToContract();
        var tasks = await Steward.ListReviewsAsync(status, request.Limit == 0 ? 100 : request.Limit);
        var response = new ListReviewsResponse();
        response.Tasks.AddRange(tasks.Select(static t => t.ToProto()));
        return response;
    }

    public override async Task<Api.V1.ReviewTask> GetReview(ReviewRequest request, ServerCallContext context)
    {
        RequireTaskId(request.TaskId);
        var view = await Steward.GetReviewAsync(request.TaskId);
        if (view is null)
        {
            RpcErrors.ThrowNotFound($"no review task {request.TaskId}");
        }

        return view.ToProto();
    }

    public override async Task<ReviewDecision> AcceptReview(ReviewDecisionRequest request, ServerCallContext context)
    {
        RequireDecision(request);
        return Answer(await Steward.AcceptAsync(request.TaskId, request.Steward));
    }

    public override async Task<ReviewDecision> RejectReview(ReviewDecisionRequest request, ServerCallContext context)
    {
        RequireDecision(request);
        return Answer(await Steward.RejectAsync(request.TaskId, request.Steward));
    }

    public override async Task<SplitRecordResponse> SplitRecord(SplitRecordRequest request, ServerCallContext context)
    {
        if (request.Record is not { Source.Length: > 0, RecordId.Length: > 0 })
        {
            RpcErrors.ThrowInvalid("record", "source and record_id are required");
        }

        if (string.IsNullOrWhiteSpace(request.Steward))
        {
            RpcErrors.ThrowInvalid("steward", "is required: who split it");
        }

        var sourceKey = Contracts.Records.SourceKeys.For(request.Record.Source, request.Record.RecordId);
        var before = await grains.GetGrain<Contracts.Ingestion.IResolverGrain>(0)
            .GetProfileAsync(Contracts.Profiles.ProfileLookup.BySourceKey(request.Record.Source, request.Record.RecordId), false, Contracts.Privacy.ReadPurposes.Stewardship);
        var outcome = await Steward.SplitAsync(sourceKey, request.Steward);
        Answer(outcome);
        return new SplitRecordResponse { ProfileId = outcome.ProfileId ?? "", PreviousProfileId = before?.ProfileId ?? "" };
    }

    public override async Task<Api.V1.ProfileExplanation> ExplainProfile(GetProfileRequest request, ServerCallContext context)
    {
        var lookup = ProfilesService.LookupOf(request);
        var explanation = await Steward.ExplainAsync(lookup);
        if (explanation is null)
        {
            RpcErrors.ThrowNotFound("no profile holds " + ProfilesService.Describe(request));
        }

        var proto = new Api.V1.ProfileExplanation { ProfileId = explanation.ProfileId };
        proto.Records.AddRange(explanation.Members.Select(static m =>
        {
            var member = new Api.V1.MemberExplanation { Record = new SourceKey { Source = m.Source, RecordId = m.RecordId }, LinkReason = m.LinkReason };
            member.DoNotLink.AddRange(m.DoNotLink);
            return member;
        }));
        proto.Links.AddRange(explanation.Links.Select(static l => l.ToProto()));
        return proto;
    }

    private static ReviewDecision Answer(StewardOutcome outcome)
    {
        switch (outcome.Result)
        {
            case StewardResult.NotFound:
                RpcErrors.ThrowNotFound(outcome.Message);
                break;
            case StewardResult.Conflict:
                throw new RpcException(new Status(StatusCode.FailedPrecondition, outcome.Message));
        }

        return new ReviewDecision { ProfileId = outcome.ProfileId ?? "", Message = outcome.Message, Task = outcome.Task?.ToProto() };
    }

    private static void RequireTaskId(string taskId)
    {
        if (taskId.Length == 0)
        {
            RpcErrors.ThrowInvalid("task_id", "is required");
        }
    }

    private static void RequireDecision(ReviewDecisionRequest request)
    {
        RequireTaskId(request.TaskId);
        if (string.IsNullOrWhiteSpace(request.Steward))
        {
            RpcErrors.ThrowInvalid("steward", "is required: who decided");
        }
    }
}
