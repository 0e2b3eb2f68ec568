using System.Collections.Immutable;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Grains.Diagnostics;
using Cdm.Grains.Identity;
using Cdm.Grains.Profiles;
using Cdm.Grains.Stewardship;

namespace Cdm.Grains.Ingestion;

/// <summary>
/// Resolves one normalised record into a profile (DESIGN rules 1 to 5). The identifiers of the record
/// (its source key first) are looked up; the target is the smallest active profile any of them leads to,
/// or a new profile whose id derives from the source key. Unowned identifiers are claimed for the target,
/// every other profile reached is merged into it, and the record is added last. Concurrent ingests can
/// change any of this between two steps; each such change is detected (a claim answering another owner,
/// a profile redirecting) and the loop starts over from what is now stored, so the outcome is the
/// connected components whatever the interleaving. Probabilistic matches (<see cref="MatchFindings"/>) join the
/// identifiers as the candidates' source keys; a profile that a do-not-link constraint keeps apart from the rest is
/// left out, and the conflict goes to the review queue.
/// </summary>
public sealed class RecordResolution(ResolutionGrains grains, MergeSaga saga, CdmMetrics metrics, ReviewTasks reviews, LinkPlanner planner)
{
    private const int MaxRounds = 32;

    /// <summary>Resolves one record; its outcome and the time since <paramref name="startedAt"/> go to the metrics.</summary>
    public async Task<IngestOutcome> ResolveAsync(RecordVersion version, MatchFindings findings, long startedAt)
    {
        // Timed in this frame rather than by a wrapper: one more async frame would cost an allocation per record.
        try
        {
            var sourceKey = version.SourceKey;
            // The record's own source key first, then its identifiers by priority: when not every link can hold,
            // the earlier keys win (DESIGN: identity-graph rules).
            var keys = new List<string>(version.Identifiers.Length + 1) { sourceKey };
            foreach (var identifier in version.Identifiers.OrderByDescending(i => planner.PriorityOf(i.Key)))
            {
                if (!keys.Contains(identifier.Key))
                {
                    keys.Add(identifier.Key);
                }
            }

            var identifierEnd = keys.Count;

            // A matched candidate is followed like an identifier: its source key leads to its profile, and an
            // unowned one (the candidate's own ingest is still under way) is claimed, so that ingest joins here.
            var matches = new Dictionary<string, ScoredCandidate>(StringComparer.Ordinal);
            foreach (var link in findings.Links)
            {
                if (!keys.Contains(link.SourceKey))
                {
                    keys.Add(link.SourceKey);
                    matches[link.SourceKey] = link;
                }
            }

            var owners = await Task.WhenAll(keys.Select(k => grains.Identifier(k).GetOwnerAsync()));
            // Why the record joins its profile is decided by what was there before this ingest claimed anything.
            var linkReason = LinkReason(keys, owners, matches);
            var merged = ImmutableArray.CreateBuilder<string>();
            var excluded = new HashSet<string>(StringComparer.Ordinal);
            IReadOnlyList<string> dropped = [];
            // Why each round started again, for the error when a record does not settle.
            List<string>? trail = null;
            // Which fresh profile id to try when the record reaches no profile it may join (see FreshId).
            var fresh = 0;
            for (var round = 0; round < MaxRounds; round++)
            {
                // Where each owned identifier leads now, and whether that profile ever held anything.
                var terminals = new (string ProfileId, bool Exists)?[keys.Count];
                await Task.WhenAll(Enumerable.Range(0, keys.Count).Where(i => owners[i] is not null)
                    .Select(async i => terminals[i] = await grains.TerminalRouteAsync(owners[i]!)));
                var reached = terminals.OfType<(string ProfileId, bool Exists)>().Distinct()
                    .Where(t => !excluded.Contains(t.ProfileId))
                    .OrderBy(t => t.ProfileId, StringComparer.Ordinal).ToList();
                if (NeedsPlan(reached, keys, owners, identifierEnd))
                {
                    var plan = await PlanAsync(reached, keys, terminals, identifierEnd);
                    dropped = plan.Dropped;
                    if (plan.Excluded.Count > 0)
                    {
                        excluded.UnionWith(plan.Excluded);
                        metrics.LinkRefused();
                        (trail ??= []).Add("left out " + string.Join(",", plan.Excluded));
                        continue;
                    }
                }

                var target = Target(reached, FreshId(sourceKey, fresh));

                if (await ClaimUnownedAsync(keys, owners, target, dropped))
                {
                    metrics.ResolutionRetried(ResolutionRetryReason.ClaimRace);
                    (trail ??= []).Add("claim race");
                    continue;
                }

                if (!await JoinIntoTargetAsync(reached, target, version, keys, terminals, merged, matches, excluded))
                {
                    (trail ??= []).Add("join into " + target);
                    continue;
                }

                var added = await grains.Profile(target).AddRecordAsync(dropped.Count == 0 ? version : WithoutLinks(version, dropped), linkReason);
                if (added.Status == IngestStatus.Rejected)
                {
                    // Closed by an erasure since its route was read.
                    throw new ProfileClosedException(target);
                }

                if (added.RedirectTo is not null)
                {
                    if (!reached.Exists(r => r.ProfileId == target))
                    {
                        // The fresh id was taken by a concurrent ingest and merged into a profile this record was
                        // left out of: it needs another.
                        fresh++;
                    }

                    metrics.ResolutionRetried(ResolutionRetryReason.Redirected);
                    (trail ??= []).Add($"{target} redirected to {added.RedirectTo}");
                    continue;
                }

                await ShortenPathsAsync(keys, owners, terminals, target);
                await reviews.OpenAsync(version.SourceKey, findings, excluded.Count == 0 ? [] : ConflictKeys(keys, terminals, excluded), dropped);
                var status = merged.Count > 0 && added.Status is IngestStatus.Created or IngestStatus.Linked or IngestStatus.Updated
                    ? IngestStatus.Merged
                    : added.Status;
                metrics.RecordIngested(status, startedAt);
                return new IngestOutcome(status, target, merged.ToImmutable(), [], version.QualityFlags);
            }

            throw new InvalidOperationException(
                $"Record {sourceKey} did not settle in {MaxRounds} rounds of concurrent merges ({string.Join("; ", (trail ?? []).TakeLast(4))}); retry it.");
        }
        catch (ProfileClosedException)
        {
            metrics.RecordIngested(IngestStatus.Rejected, startedAt);
            return IngestOutcome.Rejected([ProfileClosedException.Violation]);
        }
        catch
        {
            metrics.RecordFailed(startedAt);
            throw;
        }
    }

    /// <summary>
    /// The smallest profile that holds something; else the smallest reached (an empty candidate of a concurrent
    /// ingest); else a new profile named after the source key. Profiles that hold something never move to an
    /// empty one, so a race for an identifier costs no merge of real content.
    /// </summary>
    private static string Target(List<(string ProfileId, bool Exists)> reached, string freshId)
    {
        foreach (var (profileId, exists) in reached)
        {
            if (exists)
            {
                return profileId;
            }
        }

        return reached.Count > 0 ? reached[0].ProfileId : freshId;
    }

    /// <summary>
    /// The id of a new profile for the record: derived from its source key, so a retried ingest computes the same
    /// one. A concurrent ingest may take that id while it is still empty (it is the smallest it reaches) and the
    /// profile may then merge into one this record is left out of; the record then moves on to the next id.
    /// </summary>
    private static string FreshId(string sourceKey, int attempt) =>
        ProfileIds.FromSourceKey(attempt == 0 ? sourceKey : string.Concat(sourceKey, "\n", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// Brings every other reached profile into the target: an empty one is sealed as a forward (one write), one
    /// with content is merged by the saga (it is larger than the target). False when the picture changed
    /// meanwhile (the target was merged away, an empty profile got content): the caller starts over.
    /// </summary>
    private async Task<bool> JoinIntoTargetAsync(
        List<(string ProfileId, bool Exists)> reached,
        string target,
        RecordVersion version,
        List<string> keys,
        (string ProfileId, bool Exists)?[] terminals,
        ImmutableArray<string>.Builder merged,
        Dictionary<string, ScoredCandidate> matches,
        HashSet<string> excluded)
    {
        foreach (var (other, exists) in reached)
        {
            if (other == target)
            {
                continue;
            }

            if (!exists || string.CompareOrdinal(other, target) < 0)
            {
                // Only empty profiles can be smaller than a target with content.
                if (!await grains.Profile(other).SealAsync(target))
                {
                    metrics.ResolutionRetried(ResolutionRetryReason.SealRefused);
                    return false;
                }

                metrics.ProfileSealed();
                continue;
            }

            var absorber = await saga.RunAsync(other, target, MergeReason(version, keys, terminals, other, target, matches));
            if (absorber is null)
            {
                // A do-not-link constraint arrived after the check: the record keeps to the profile that holds it
                // (or to the target), and the other is left out of this ingest.
                excluded.Add(terminals[0]?.ProfileId == other ? target : other);
                metrics.ResolutionRetried(ResolutionRetryReason.LinkRefused);
                return false;
            }

            merged.Add(other);
            if (absorber != target)
            {
                metrics.ResolutionRetried(ResolutionRetryReason.AbsorbedElsewhere);
                return false;
            }
        }

        return true;
    }

    /// <summary>Claims every unowned identifier (but the dropped) for the target; true when a claim found another owner first.</summary>
    private async Task<bool> ClaimUnownedAsync(List<string> keys, string?[] owners, string target, IReadOnlyList<string> dropped)
    {
        var unowned = Enumerable.Range(0, keys.Count).Where(i => owners[i] is null && !dropped.Contains(keys[i])).ToList();
        if (unowned.Count == 0)
        {
            return false;
        }

        var claimed = await Task.WhenAll(unowned.Select(i => grains.Identifier(keys[i]).ClaimAsync(target)));
        var raced = false;
        for (var j = 0; j < unowned.Count; j++)
        {
            owners[unowned[j]] = claimed[j];
            raced |= claimed[j] != target;
        }

        return raced;
    }

    /// <summary>
    /// Re-points identifiers that still lead to the target through a merged profile (path shortening); keys that
    /// lead to a profile left out of this ingest stay where they are. The record's own source key always follows
    /// the record: it leads where the record now is.
    /// </summary>
    private Task ShortenPathsAsync(List<string> keys, string?[] owners, (string ProfileId, bool Exists)?[] terminals, string target) =>
        Task.WhenAll(Enumerable.Range(0, keys.Count)
            .Where(i => owners[i] is { } owner && owner != target && (i == 0 || terminals[i] is null || terminals[i]!.Value.ProfileId == target))
            .Select(i => grains.Identifier(keys[i]).RepointAsync(owners[i]!, target)));

    /// <summary>
    /// Whether links may conflict: two profiles with content to join, or one and an unowned identifier of a limited
    /// type. The common ingest (one profile, or an update) skips the extra reads.
    /// </summary>
    private bool NeedsPlan(List<(string ProfileId, bool Exists)> reached, List<string> keys, string?[] owners, int identifierEnd)
    {
        var withContent = reached.Count(static r => r.Exists);
        if (withContent > 1)
        {
            return true;
        }

        if (withContent == 0)
        {
            return false;
        }

        for (var i = 1; i < identifierEnd; i++)
        {
            if (owners[i] is null && planner.IsLimited(keys[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the link facts of the profiles with content and plans which links hold (<see cref="LinkPlanner"/>).</summary>
    private async Task<LinkPlan> PlanAsync(
        List<(string ProfileId, bool Exists)> reached, List<string> keys, (string ProfileId, bool Exists)?[] terminals, int identifierEnd)
    {
        var withContent = reached.Where(static r => r.Exists).Select(static r => r.ProfileId).ToList();
        var facts = await Task.WhenAll(withContent.Select(p => grains.Profile(p).GetLinkFactsAsync()));
        var byProfile = new Dictionary<string, LinkFacts>(StringComparer.Ordinal);
        for (var i = 0; i < withContent.Count; i++)
        {
            byProfile[withContent[i]] = facts[i];
        }

        var planned = new List<PlannedKey>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            var profile = terminals[i] is { Exists: true } t && byProfile.ContainsKey(t.ProfileId) ? t.ProfileId : null;
            // A key owned by an empty profile (a concurrent ingest's candidate) is not free to claim either.
            if (profile is null && terminals[i] is not null)
            {
                continue;
            }

            planned.Add(new PlannedKey(keys[i], profile, i > 0 && i < identifierEnd));
        }

        return planner.Plan(planned, byProfile);
    }

    /// <summary>The version as the profile keeps it: identifiers a limit kept from linking are flagged, not linked.</summary>
    private RecordVersion WithoutLinks(RecordVersion version, IReadOnlyList<string> dropped) => version with
    {
        Identifiers = [.. version.Identifiers.Where(i => !dropped.Contains(i.Key))],
        QualityFlags = [.. version.QualityFlags, .. dropped.Select(k => LinkPlan.DroppedFlag(k, planner.MaxOf(LinkPlanner.TypeOf(k))))],
    };

    /// <summary>The keys of the record that led to a profile it could not join.</summary>
    private static List<string> ConflictKeys(List<string> keys, (string ProfileId, bool Exists)?[] terminals, HashSet<string> excluded) =>
        [.. Enumerable.Range(0, keys.Count).Where(i => terminals[i] is { } t && excluded.Contains(t.ProfileId)).Select(i => keys[i])];

    private static string LinkReason(List<string> keys, string?[] owners, Dictionary<string, ScoredCandidate> matches)
    {
        // The source key is index 0: an update keeps the member's original reason anyway.
        for (var i = 1; i < keys.Count; i++)
        {
            if (owners[i] is not null)
            {
                return Describe(keys[i], matches);
            }
        }

        return "new profile";
    }

    private static string Describe(string key, Dictionary<string, ScoredCandidate> matches) =>
        matches.TryGetValue(key, out var match) ? match.Describe() : $"identifier {key}";

    private static string MergeReason(
        RecordVersion version, List<string> keys, (string ProfileId, bool Exists)?[] terminals, string loser, string target, Dictionary<string, ScoredCandidate> matches)
    {
        var loserKey = keys[Array.FindIndex(terminals, t => t?.ProfileId == loser)];
        var targetIndex = Array.FindIndex(terminals, t => t?.ProfileId == target);
        var via = targetIndex >= 0 ? $" and {Describe(keys[targetIndex], matches)}" : "";
        return $"record {version.SourceKey} links {Describe(loserKey, matches)} of {loser}{via} of {target}";
    }
}
