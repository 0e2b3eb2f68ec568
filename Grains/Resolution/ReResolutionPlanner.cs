using System.Collections.Concurrent;
using System.Collections.Immutable;
using Cdm.Grains.Blocking;
using Cdm.Grains.Identity;
using Cdm.Grains.Matching;

namespace Cdm.Grains.Resolution;

/// <summary>
/// Works out the partition of records that a match model implies, and how it differs from the current profiles.
/// Records sharing a deterministic identifier are joined first, then the pairs a steward accepted (in ordinal order
/// of the pair), then the pairs sharing a block within the cap that the model calls a link, strongest first (ties in
/// ordinal order of the source keys), so the result depends on neither the input order nor the order of arrival.
/// An accepted pair is thus kept together whatever the model now scores it. A union that would put two records
/// under a do-not-link constraint together is skipped (a steward's later split or reject wins over an accept).
/// With the identity-graph limits on (<see cref="IdentityGraphOptions.Enabled"/>), the same rules as ingest apply
/// (<see cref="LinkPlanner"/>): identifier keys are taken by rule priority, highest first (ordinal order within a
/// priority), and a union that would leave a group holding more distinct identifiers of a limited type than the
/// limit (and more than either side held alone) is skipped too; with them off, every shared identifier joins, in
/// ordinal order of the keys. Pure: no Orleans types.
/// </summary>
public sealed class ReResolutionPlanner(MatchModel? model, BlockCapacity capacity, IdentityGraphOptions identityGraph)
{
    private const int ProgressStep = 4_096;

    private readonly LinkPlanner rules = new(identityGraph ?? throw new ArgumentNullException(nameof(identityGraph)));

    /// <summary>
    /// The plan for <paramref name="profiles"/>; <paramref name="progress"/> hears (phase, done, total) now and then,
    /// from any thread.
    /// </summary>
    public ReResolutionPlan Plan(IReadOnlyCollection<ResolutionProfile> profiles, Action<string, long, long>? progress = null, CancellationToken cancellationToken = default) =>
        Plan(profiles, [], progress, cancellationToken);

    /// <summary>
    /// The plan for <paramref name="profiles"/>, keeping the pairs of <paramref name="accepted"/> together (as far as
    /// do-not-link and the identity-graph limits allow); a pair whose records are not both present is ignored.
    /// </summary>
    public ReResolutionPlan Plan(
        IReadOnlyCollection<ResolutionProfile> profiles, IReadOnlyCollection<AcceptedPair> accepted,
        Action<string, long, long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(accepted);
        var records = profiles.SelectMany(static p => p.Members.Select(m => (Profile: p.ProfileId, Member: m)))
            .OrderBy(static r => r.Member.SourceKey, StringComparer.Ordinal)
            .ToArray();
        var index = new Dictionary<string, int>(records.Length, StringComparer.Ordinal);
        for (var i = 0; i < records.Length; i++)
        {
            index.TryAdd(records[i].Member.SourceKey, i);
        }

        var doNotLink = records.Select(r => r.Member.DoNotLink.IsDefaultOrEmpty
            ? null
            : (IReadOnlyCollection<int>)[.. r.Member.DoNotLink.Select(k => index.TryGetValue(k, out var j) ? j : -1).Where(static j => j >= 0)])
            .ToArray();
        var sets = new ConstrainedUnionFind(records.Length, doNotLink);
        var limits = identityGraph.Enabled
            ? new IdentifierLimitTracker(rules, [.. records.Select(static r => r.Member.IdentifierKeys.IsDefault ? [] : r.Member.IdentifierKeys.AsEnumerable())])
            : null;
        Func<int, int, bool>? admits = limits is null ? null : limits.Admits;
        var refused = 0;
        var overLimit = 0;
        UnionResult Union(int a, int b)
        {
            var (ra, rb) = (sets.Find(a), sets.Find(b));
            var result = sets.Union(ra, rb, admits);
            switch (result)
            {
                case UnionResult.Joined when limits is not null:
                    var root = sets.Find(ra);
                    limits.Joined(root, root == ra ? rb : ra);
                    break;
                case UnionResult.Refused:
                    refused++;
                    break;
                case UnionResult.OverLimit:
                    overLimit++;
                    break;
            }

            return result;
        }

        progress?.Invoke(ReResolvePhases.Blocking, 0, records.Length);
        var byIdentifier = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byBlock = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Length; i++)
        {
            var member = records[i].Member;
            foreach (var key in member.IdentifierKeys.IsDefault ? [] : member.IdentifierKeys)
            {
                Add(byIdentifier, key, i);
            }

            if (model is not null && member.Record is not null)
            {
                foreach (var key in member.BlockKeys.IsDefault ? [] : member.BlockKeys.Distinct(StringComparer.Ordinal))
                {
                    Add(byBlock, key, i);
                }
            }
        }

        // Deterministic links: every record holding an identifier key joins the first record (in source-key order)
        // holding it, as ingest links a record to the profile an identifier already points to. Keys go by priority
        // when the limits are on, so a higher-priority link is never crowded out by a lower one.
        var identifierOrder = identityGraph.Enabled
            ? byIdentifier.Keys.OrderByDescending(rules.PriorityOf).ThenBy(static k => k, StringComparer.Ordinal)
            : byIdentifier.Keys.Order(StringComparer.Ordinal);
        foreach (var key in identifierOrder)
        {
            var holders = byIdentifier[key];
            for (var j = 1; j < holders.Count; j++)
            {
                Union(holders[0], holders[j]);
            }
        }

        // Steward decisions: each accepted pair whose records are both present, in ordinal order of the pair. They
        // come before the model's links, so a model that now scores the pair low does not undo the decision; a
        // do-not-link constraint (a later split or reject) and the limits still hold them apart.
        var acceptedPairs = new SortedSet<(int A, int B)>();
        foreach (var pair in accepted)
        {
            if (index.TryGetValue(pair.LeftSourceKey, out var l) && index.TryGetValue(pair.RightSourceKey, out var r) && l != r)
            {
                acceptedPairs.Add(l < r ? (l, r) : (r, l));
            }
        }

        var acceptedLinks = 0;
        var acceptedJoins = new List<(int A, int B)>();
        foreach (var (a, b) in acceptedPairs)
        {
            switch (Union(a, b))
            {
                case UnionResult.Joined:
                    acceptedLinks++;
                    acceptedJoins.Add((a, b));
                    break;
                case UnionResult.AlreadyJoined:
                    acceptedLinks++;
                    break;
            }
        }

        // Candidate pairs: records sharing a block within the cap, not already held together (identifiers, accepts).
        var pairs = new HashSet<long>();
        foreach (var block in byBlock.Values)
        {
            if (block.Count < 2 || block.Count > capacity.MaxMembers)
            {
                continue;
            }

            for (var x = 0; x < block.Count; x++)
            {
                for (var y = x + 1; y < block.Count; y++)
                {
                    var (a, b) = block[x] < block[y] ? (block[x], block[y]) : (block[y], block[x]);
                    if (sets.Find(a) != sets.Find(b))
                    {
                        pairs.Add(((long)a << 32) | (uint)b);
                    }
                }
            }
        }

        progress?.Invoke(ReResolvePhases.Blocking, records.Length, records.Length);
        var links = Score(records, [.. pairs], progress, cancellationToken);

        // Probabilistic links, strongest first.
        progress?.Invoke(ReResolvePhases.Linking, 0, links.Count);
        links.Sort(static (l, r) => r.Score.Probability.CompareTo(l.Score.Probability) is var c and not 0 ? c
            : l.A != r.A ? l.A.CompareTo(r.A) : l.B.CompareTo(r.B));
        var followed = new List<ScoredLink>();
        foreach (var link in links)
        {
            if (Union(link.A, link.B) == UnionResult.Joined)
            {
                followed.Add(link);
            }
        }

        progress?.Invoke(ReResolvePhases.Linking, links.Count, links.Count);
        return Compare(profiles.Count, records, sets, pairs.Count, links.Count, refused, overLimit, acceptedLinks, followed, acceptedJoins);
    }

    private List<ScoredLink> Score((string Profile, ResolutionMember Member)[] records, long[] pairs, Action<string, long, long>? progress, CancellationToken cancellationToken)
    {
        var links = new ConcurrentBag<ScoredLink>();
        if (model is null || pairs.Length == 0)
        {
            progress?.Invoke(ReResolvePhases.Scoring, 0, 0);
            return [];
        }

        Array.Sort(pairs);
        long done = 0;
        progress?.Invoke(ReResolvePhases.Scoring, 0, pairs.Length);
        var chunks = (pairs.Length + ProgressStep - 1) / ProgressStep;
        Parallel.For(0, chunks, new ParallelOptions { CancellationToken = cancellationToken }, chunk =>
        {
            var end = Math.Min(pairs.Length, (chunk + 1) * ProgressStep);
            for (var p = chunk * ProgressStep; p < end; p++)
            {
                var a = (int)(pairs[p] >> 32);
                var b = (int)(pairs[p] & 0xFFFFFFFF);
                var score = model.Score(records[a].Member.Record!, records[b].Member.Record!);
                if (model.Decide(score) == MatchDecision.Link)
                {
                    links.Add(new ScoredLink(a, b, score));
                }
            }

            progress?.Invoke(ReResolvePhases.Scoring, Interlocked.Add(ref done, end - chunk * ProgressStep), pairs.Length);
        });
        return [.. links];
    }

    private static ReResolutionPlan Compare(
        int profileCount, (string Profile, ResolutionMember Member)[] records, ConstrainedUnionFind sets,
        long candidatePairs, long linkPairs, int refused, int overLimit, int acceptedLinks, List<ScoredLink> followed,
        List<(int A, int B)> acceptedJoins)
    {
        var groups = new Dictionary<int, List<int>>();
        var profileGroups = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        for (var i = 0; i < records.Length; i++)
        {
            var root = sets.Find(i);
            Add(groups, root, i);
            if (!profileGroups.TryGetValue(records[i].Profile, out var roots))
            {
                profileGroups[records[i].Profile] = roots = [];
            }

            roots.Add(root);
        }

        ImmutableArray<string> Keys(List<int> group) => [.. group.Order().Select(i => records[i].Member.SourceKey)];

        // The best link joining records of different profiles, per group.
        var best = new Dictionary<int, ScoredLink>();
        foreach (var link in followed)
        {
            if (records[link.A].Profile != records[link.B].Profile)
            {
                var root = sets.Find(link.A);
                if (!best.TryGetValue(root, out var held) || link.Score.Probability > held.Score.Probability)
                {
                    best[root] = link;
                }
            }
        }

        // Without a model link, the first accepted pair (ordinal order) joining records of different profiles.
        var steward = new Dictionary<int, (int A, int B)>();
        foreach (var (a, b) in acceptedJoins)
        {
            if (records[a].Profile != records[b].Profile)
            {
                steward.TryAdd(sets.Find(a), (a, b));
            }
        }

        var merges = ImmutableArray.CreateBuilder<PlannedMerge>();
        foreach (var (root, group) in groups.OrderBy(g => records[g.Value.Min()].Member.SourceKey, StringComparer.Ordinal))
        {
            var profiles = group.Select(i => records[i].Profile).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
            if (profiles.Length > 1)
            {
                merges.Add(best.TryGetValue(root, out var link)
                    ? new PlannedMerge(profiles, Keys(group), records[link.A].Member.SourceKey, records[link.B].Member.SourceKey, link.Score)
                    : steward.TryGetValue(root, out var pair)
                        ? new PlannedMerge(profiles, Keys(group), records[pair.A].Member.SourceKey, records[pair.B].Member.SourceKey, null)
                        : new PlannedMerge(profiles, Keys(group), null, null, null));
            }
        }

        var splits = ImmutableArray.CreateBuilder<PlannedSplit>();
        foreach (var (profile, roots) in profileGroups.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            if (roots.Count > 1)
            {
                var parts = roots.Select(r => groups[r].Where(i => records[i].Profile == profile).ToList())
                    .Select(Keys)
                    .OrderByDescending(static g => g.Length)
                    .ThenBy(static g => g[0], StringComparer.Ordinal);
                splits.Add(new PlannedSplit(profile, [.. parts]));
            }
        }

        var partition = groups.Values.Select(Keys).OrderBy(static g => g[0], StringComparer.Ordinal).ToImmutableArray();
        return new ReResolutionPlan(profileCount, records.Length, candidatePairs, linkPairs, refused, overLimit, acceptedLinks, partition, merges.ToImmutable(), splits.ToImmutable());
    }

    private static void Add<TKey>(IDictionary<TKey, List<int>> map, TKey key, int value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (list.Count == 0 || list[^1] != value)
        {
            list.Add(value);
        }
    }

    private sealed record ScoredLink(int A, int B, MatchScore Score);
}
