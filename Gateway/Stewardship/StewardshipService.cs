using Cdm.Api.V1;
using Cdm.Contracts.Stewardship;
using Cdm.Gateway.Errors;
using Grpc.Core;
using Contract = Cdm.Contracts.Stewardship;

namespace Cdm.Gateway.Stewardship;

/// <summary><c>cdm.v1.Stewardship</c>: the review queue, one grain call per RPC.</summary>
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
