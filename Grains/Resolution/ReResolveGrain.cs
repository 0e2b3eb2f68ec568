using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Cdm.Contracts.Matching;
using Cdm.Contracts.Records;
using Cdm.Contracts.Stewardship;
using Cdm.Grains.Blocking;
using Cdm.Grains.Diagnostics;
using Cdm.Grains.Identity;
using Cdm.Grains.Ingestion;
using Cdm.Grains.Matching;
using Cdm.Grains.Profiles;
using Cdm.Grains.Stewardship;
using Cdm.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Cdm.Grains.Resolution;

/// <summary>
/// Runs a re-resolution (<see cref="IReResolveGrain"/>). Profiles are read straight from storage, and blocks are
/// recomputed from each member's current version with the configured rules rather than read from the block grains:
/// that covers records ingested while matching was off, drops members a record update left behind in old blocks,
/// and needs one scan instead of two. The planner runs off the grain's scheduler; its progress comes back through a
/// channel. The planner applies the identity-graph limits (<see cref="IdentityGraphOptions"/>) as ingest does, so a
/// link ingest refused is not made here either. The pairs of accepted review tasks go to the planner too, so a
/// steward's accept is kept whatever the model scores the pair (a later split or reject, a do-not-link, wins).
/// Changes are applied splits first (each profile's splits in turn), then merges into the smallest id.
/// </summary>
[GrainType("reresolve")]
public sealed class ReResolveGrain(
    IGrainStateScanner scanner, IOptions<MatchingOptions> options, IOptions<IdentityGraphOptions> identityGraph, ResolutionGrains grains,
    CdmMetrics metrics, TimeProvider time)
    : Grain, IReResolveGrain
{
    private const int ScanReportEvery = 5_000;
    private const int ApplyConcurrency = 32;

    public async IAsyncEnumerable<ReResolveProgress> RunAsync(ReResolveRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = time.GetTimestamp();
        var registry = GrainFactory.GetGrain<IMatchModelGrain>(IMatchModelGrain.Key);
        var stored = request.ModelVersion == 0 ? await registry.GetActiveAsync() : await registry.GetAsync(request.ModelVersion);
        if (request.ModelVersion != 0 && stored is null)
        {
            throw new ArgumentException($"no match model version {request.ModelVersion}", nameof(request));
        }

        var model = stored?.Document is { } document ? MatchModelJson.Parse(document).Model : null;
        var version = stored?.Version ?? 0;

        var blocking = new BlockingKeys(options.Value.Blocking);
        var profiles = new List<ResolutionProfile>();
        var records = 0;
        yield return new ReResolveProgress(ReResolvePhases.ScanningProfiles, 0, 0);
        await foreach (var (profileId, state) in scanner.ScanAsync<ProfileState>("profile", "profile", cancellationToken))
        {
            if (state.Status != ProfileStatus.Active || state.Members.Count == 0)
            {
                continue;
            }

            profiles.Add(new ResolutionProfile(profileId, [.. state.Members.Select(m => ToMember(m.Key, m.Value, blocking))]));
            records += state.Members.Count;
            if (profiles.Count % ScanReportEvery == 0)
            {
                yield return new ReResolveProgress(ReResolvePhases.ScanningProfiles, profiles.Count, 0);
            }
        }

        yield return new ReResolveProgress(ReResolvePhases.ScanningProfiles, profiles.Count, profiles.Count);

        var accepted = await AcceptedPairsAsync();
        var planner = new ReResolutionPlanner(model, options.Value.Blocking.ToCapacity(), identityGraph.Value);
        var steps = Channel.CreateUnbounded<ReResolveProgress>(new UnboundedChannelOptions { SingleReader = true });
        var planning = Task.Run(() =>
        {
            try
            {
                return planner.Plan(profiles, accepted, (phase, done, total) => steps.Writer.TryWrite(new ReResolveProgress(phase, done, total)), cancellationToken);
            }
            finally
            {
                steps.Writer.TryComplete();
            }
        }, cancellationToken);
        await foreach (var step in steps.Reader.ReadAllAsync(cancellationToken))
        {
            yield return step;
        }

        var plan = await planning;
        var merges = 0;
        var splits = 0;
        if (request.Apply)
        {
            var owners = profiles.SelectMany(p => p.Members.Select(m => (m.SourceKey, p.ProfileId)))
                .ToDictionary(static o => o.SourceKey, static o => o.ProfileId, StringComparer.Ordinal);
            profiles.Clear();
            var unsettled = new HashSet<string>(StringComparer.Ordinal);
            var total = plan.Splits.Length + plan.Merges.Length;
            var done = 0;
            yield return new ReResolveProgress(ReResolvePhases.Applying, 0, total);
            foreach (var batch in plan.Splits.Chunk(ApplyConcurrency))
            {
                splits += (await Task.WhenAll(batch.Select(s => SplitAsync(s, version, owners, unsettled)))).Sum();
                done += batch.Length;
                yield return new ReResolveProgress(ReResolvePhases.Applying, done, total);
            }

            foreach (var batch in plan.Merges.Chunk(ApplyConcurrency))
            {
                merges += (await Task.WhenAll(batch.Select(m => MergeAsync(m, version, owners, unsettled)))).Sum();
                done += batch.Length;
                yield return new ReResolveProgress(ReResolvePhases.Applying, done, total);
            }
        }

        yield return new ReResolveProgress(ReResolvePhases.Done, 1, 1, Summarise(plan, version, request, merges, splits, time.GetElapsedTime(started)));
        DeactivateOnIdle();
    }

    /// <summary>The pairs of every accepted review task, from all review-queue partitions.</summary>
    private async Task<AcceptedPair[]> AcceptedPairsAsync()
    {
        var partitions = await Task.WhenAll(Enumerable.Range(0, IReviewQueueGrain.Partitions)
            .Select(p => GrainFactory.GetGrain<IReviewQueueGrain>(p).ListAsync(ReviewStatus.Accepted)));
        return [.. partitions.SelectMany(static p => p).Select(static t => new AcceptedPair(t.LeftSourceKey, t.RightSourceKey))];
    }

    private static ResolutionMember ToMember(string sourceKey, MemberState member, BlockingKeys blocking)
    {
        var current = member.Current;
        return new ResolutionMember(
            sourceKey,
            [.. member.Versions.SelectMany(static v => v.Identifiers).Select(static i => i.Key)
                .Where(static k => !k.StartsWith(SourceKeys.Prefix, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal)],
            member.DoNotLink is { Count: > 0 } forbidden ? [.. forbidden] : [],
            [.. blocking.For(current).Select(static k => k.Key)],
            MatchRecords.From(current));
    }

    /// <summary>
    /// Moves every group but the first out of the profile, one after another; returns the groups moved. A profile
    /// whose split was refused (it changed since the scan) is marked unsettled, so no merge takes it whole.
    /// </summary>
    private async Task<int> SplitAsync(PlannedSplit split, int version, Dictionary<string, string> owners, HashSet<string> unsettled)
    {
        var moved = 0;
        foreach (var group in split.Groups.Skip(1))
        {
            if (await new ProfileSplit(grains).RunAsync(split.ProfileId, group, doNotLink: false, $"re-resolved with model v{version}") is { } newId)
            {
                lock (owners)
                {
                    foreach (var key in group)
                    {
                        owners[key] = newId;
                    }
                }

                moved++;
            }
            else
            {
                lock (owners)
                {
                    unsettled.Add(split.ProfileId);
                }
            }
        }

        return moved;
    }

    /// <summary>Merges the profiles now holding the group's records into the smallest id; returns the merges done.</summary>
    private async Task<int> MergeAsync(PlannedMerge merge, int version, Dictionary<string, string> owners, HashSet<string> unsettled)
    {
        string[] holders;
        lock (owners)
        {
            holders = [.. merge.SourceKeys.Select(k => owners[k]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            if (holders.Any(unsettled.Contains))
            {
                return 0;
            }
        }

        var saga = new MergeSaga(GrainFactory, grains, metrics, time);
        var reason = $"re-resolved with model v{version}: {merge.Describe()}";
        var merged = 0;
        foreach (var loser in holders.Skip(1))
        {
            if (await saga.RunAsync(loser, holders[0], reason) is not null)
            {
                merged++;
            }
        }

        return merged;
    }

    private static ReResolveSummary Summarise(ReResolutionPlan plan, int version, ReResolveRequest request, int merges, int splits, TimeSpan elapsed)
    {
        var examples = plan.Merges.Take(request.MaxExamples)
            .Select(static m => new ReResolveExample(ReResolveChange.Merge, m.ProfileIds, [m.SourceKeys], m.Describe()))
            .Concat(plan.Splits.Take(request.MaxExamples)
                .Select(s => new ReResolveExample(ReResolveChange.Split, [s.ProfileId], s.Groups, $"re-resolved with model v{version}")));
        return new ReResolveSummary(
            version, request.Apply, plan.Profiles, plan.Records, plan.CandidatePairs, plan.LinkPairs,
            plan.Merges.Length, plan.Merges.Sum(static m => m.ProfileIds.Length), plan.Splits.Length,
            merges, splits, plan.RefusedByDoNotLink, plan.LimitConflicts, plan.AcceptedLinks, elapsed, [.. examples]);
    }
}
