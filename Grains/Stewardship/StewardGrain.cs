using System.Globalization;
using System.Collections.Immutable;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Contracts.Stewardship;
using Cdm.Grains.Diagnostics;
using Cdm.Grains.Ingestion;
using Orleans.Concurrency;

namespace Cdm.Grains.Stewardship;

/// <summary>The steward's actions (<see cref="IStewardGrain"/>). Stateless and reentrant like the resolver.</summary>
[GrainType("steward")]
[StatelessWorker]
[Reentrant]
public sealed class StewardGrain(ResolutionGrains grains, CdmMetrics metrics, TimeProvider time) : Grain, IStewardGrain
{
    public async Task<ImmutableArray<ReviewTaskView>> ListReviewsAsync(ReviewStatus? status, int limit)
    {
        var partitions = await Task.WhenAll(Enumerable.Range(0, IReviewQueueGrain.Partitions)
            .Select(p => Queue(p).ListAsync(status)));
        var tasks = partitions.SelectMany(static p => p)
            .OrderByDescending(static t => t.Probability)
            .ThenBy(static t => t.Id, StringComparer.Ordinal)
            .Take(Math.Max(1, limit));
        return [.. await Task.WhenAll(tasks.Select(ViewAsync))];
    }

    public async Task<ReviewTaskView?> GetReviewAsync(string taskId)
    {
        var task = await Queue(IReviewQueueGrain.PartitionOf(taskId)).GetAsync(taskId);
        return task is null ? null : await ViewAsync(task);
    }

    public async Task<StewardOutcome> AcceptAsync(string taskId, string steward)
    {
        var view = await GetReviewAsync(taskId);
        if (view is null)
        {
            return new(StewardResult.NotFound, $"no review task {taskId}", null, null);
        }

        if (view.Task.Status == ReviewStatus.Accepted)
        {
            return new(StewardResult.Done, "already accepted", view.Task, view.Left.ProfileId);
        }

        if (view.Left.ProfileId is not { } left || view.Right.ProfileId is not { } right)
        {
            return new(StewardResult.Conflict, "a record of this task is no longer held", view.Task, null);
        }

        var survivor = left;
        if (left != right)
        {
            var (loser, into) = string.CompareOrdinal(left, right) < 0 ? (right, left) : (left, right);
            var reason = string.Create(CultureInfo.InvariantCulture, $"steward {steward} accepted review {taskId}: {view.Task.Weight:F1} bits, p={view.Task.Probability:F3}");
            var absorber = await new MergeSaga(GrainFactory, grains, metrics, time).RunAsync(loser, into, reason);
            if (absorber is null)
            {
                return new(StewardResult.Conflict, "a do-not-link constraint keeps these records apart; split or reject instead", view.Task, null);
            }

            survivor = await grains.TerminalAsync(absorber);
        }

        var decided = await Queue(IReviewQueueGrain.PartitionOf(taskId)).DecideAsync(taskId, ReviewStatus.Accepted, steward);
        return new(StewardResult.Done, left == right ? "the records already share a profile" : "merged", decided, survivor);
    }

    public async Task<StewardOutcome> RejectAsync(string taskId, string steward)
    {
        var view = await GetReviewAsync(taskId);
        if (view is null)
        {
            return new(StewardResult.NotFound, $"no review task {taskId}", null, null);
        }

        if (view.Left.ProfileId is { } left && left == view.Right.ProfileId)
        {
            return new(StewardResult.Conflict, "the records already share a profile; split one out instead", view.Task, left);
        }

        // Each side keeps the constraint with its member, so it travels with the record through later merges.
        await Task.WhenAll(
            ForbidAsync(view.Task.LeftSourceKey, view.Task.RightSourceKey),
            ForbidAsync(view.Task.RightSourceKey, view.Task.LeftSourceKey));
        var decided = await Queue(IReviewQueueGrain.PartitionOf(taskId)).DecideAsync(taskId, ReviewStatus.Rejected, steward);
        return new(StewardResult.Done, "the records will not be linked", decided, null);
    }

    public async Task<StewardOutcome> SplitAsync(string sourceKey, string steward)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await grains.Identifier(sourceKey).GetOwnerAsync() is not { } owner)
            {
                return new(StewardResult.NotFound, $"no profile holds {sourceKey}", null, null);
            }

            var profileId = await grains.TerminalAsync(owner);
            var view = await grains.Profile(profileId).GetViewAsync(false, ReadPurposes.Stewardship);
            if (view is null || view.Members.All(m => SourceKeys.For(m.Source, m.RecordId) != sourceKey))
            {
                continue;
            }

            if (view.Members.Length == 1)
            {
                return new(StewardResult.Conflict, $"{sourceKey} is alone in profile {profileId}", null, profileId);
            }

            var split = await new ProfileSplit(grains).RunAsync(profileId, [sourceKey], doNotLink: true, $"split by steward {steward}");
            if (split is not null)
            {
                return new(StewardResult.Done, $"split out of {profileId}", null, split);
            }
        }

        return new(StewardResult.Conflict, $"the profile of {sourceKey} kept changing; try again", null, null);
    }

    public async Task<ProfileExplanation?> ExplainAsync(ProfileLookup lookup)
    {
        // The resolver finds the profile the same way a read does (id, identifier or source key, through merges).
        var view = await GrainFactory.GetGrain<Contracts.Ingestion.IResolverGrain>(0).GetProfileAsync(lookup, false, ReadPurposes.Stewardship);
        return view is null ? null : await grains.Profile(view.ProfileId).ExplainAsync();
    }

    private async Task ForbidAsync(string memberKey, string otherKey)
    {
        for (var attempt = 0; attempt < ProfileRoutes.MaxHops; attempt++)
        {
            if (await grains.Identifier(memberKey).GetOwnerAsync() is not { } owner)
            {
                return;
            }

            var profile = await grains.TerminalAsync(owner);
            var result = await grains.Profile(profile).AddDoNotLinkAsync(memberKey, otherKey);
            if (result.RedirectTo is null)
            {
                return;
            }
        }

        throw new InvalidOperationException($"The profile of {memberKey} kept moving; retry the rejection.");
    }

    private async Task<ReviewTaskView> ViewAsync(ReviewTask task)
    {
        var sides = await Task.WhenAll(SideAsync(task.LeftSourceKey), SideAsync(task.RightSourceKey));
        return new ReviewTaskView(task, sides[0], sides[1]);
    }

    private async Task<ReviewSide> SideAsync(string sourceKey)
    {
        if (await grains.Identifier(sourceKey).GetOwnerAsync() is not { } owner)
        {
            return new ReviewSide(sourceKey, null, null);
        }

        var profileId = await grains.TerminalAsync(owner);
        var record = await grains.Profile(profileId).GetMemberAsync(sourceKey);
        // A side may be an identifier key (a conflict over a link): it names the profile that holds it, without a record.
        return new ReviewSide(sourceKey, profileId, record);
    }

    private IReviewQueueGrain Queue(long partition) => GrainFactory.GetGrain<IReviewQueueGrain>(partition);
}
