using System.Collections.Immutable;
using Cdm.Contracts.Consent;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Contracts.Privacy;
using Cdm.Grains.Audit;
using Cdm.Grains.Diagnostics;
using Cdm.Grains.Identity;
using Cdm.Grains.Normalisation;
using Cdm.Grains.Privacy;
using Cdm.Grains.Privacy.Erasure;
using Cdm.Grains.Stewardship;
using Orleans.Concurrency;

namespace Cdm.Grains.Ingestion;

/// <summary>
/// Entry point of every ingest and lookup. Stateless and reentrant: a plain stateless worker runs one
/// call per activation and at most one activation per core, which would cap a 2-core silo at two
/// records in flight; this grain holds no state, so interleaving is safe.
/// </summary>
[GrainType("resolver")]
[StatelessWorker]
[Reentrant]
public sealed class ResolverGrain(
    RecordNormaliser normaliser,
    SourceSchemas schemas,
    ResolutionGrains grains,
    RecordMatcher matcher,
    ReviewTasks reviews,
    LinkPlanner planner,
    SuppressionSet suppression,
    CdmMetrics metrics,
    TimeProvider time)
    : Grain, IResolverGrain
{
    private MergeSaga Saga => new(GrainFactory, grains, metrics, time);

    public async Task<IngestOutcome> IngestAsync(IncomingRecord record)
    {
        var startedAt = metrics.StartTiming();
        ImmutableArray<QualityFlag> dropped = [];
        if (!schemas.IsEmpty)
        {
            // Data minimisation first: what the source may not send is never normalised, matched or stored.
            var minimised = schemas.Apply(record);
            if (minimised.Record is null)
            {
                metrics.RecordIngested(IngestStatus.Rejected, startedAt);
                return IngestOutcome.Rejected(minimised.Violations);
            }

            (record, dropped) = (minimised.Record, minimised.Dropped);
            metrics.AttributesDropped(record.Source, dropped.Length);
        }

        var normalised = normaliser.Normalise(record, time.GetUtcNow());
        if (normalised.Version is not { } version)
        {
            metrics.RecordIngested(IngestStatus.Rejected, startedAt);
            return IngestOutcome.Rejected(normalised.Violations);
        }

        // The keys of an erased person are refused before anything is claimed, matched or stored; the admission is held
        // to the end, so an erasure releases no identifier while an ingest admitted before its suppression runs.
        using var admission = await suppression.AdmitAsync(version);
        if (!admission.Violations.IsEmpty)
        {
            metrics.RecordIngested(IngestStatus.Rejected, startedAt);
            return IngestOutcome.Rejected(admission.Violations);
        }

        if (!dropped.IsEmpty)
        {
            version = version with { QualityFlags = [.. version.QualityFlags, .. dropped] };
        }

        var findings = await matcher.FindAsync(version);
        if (admission.HasEntries && (!findings.Links.IsEmpty || !findings.Reviews.IsEmpty))
        {
            // A candidate of an erased person (a block the erasure could not reach, after the blocking rules changed)
            // is never followed or put to a steward: its key is suppressed like the rest of the person.
            findings = findings with
            {
                Links = [.. findings.Links.Where(l => !admission.IsSuppressed(l.SourceKey))],
                Reviews = [.. findings.Reviews.Where(r => !admission.IsSuppressed(r.SourceKey))],
            };
        }

        return await new RecordResolution(grains, Saga, metrics, reviews, planner).ResolveAsync(version, findings, startedAt);
    }

    public async Task<DeleteOutcome> DeleteAsync(string source, string recordId)
    {
        var sourceKey = SourceKeys.For(source, recordId);
        var owner = await grains.Identifier(sourceKey).GetOwnerAsync();
        if (owner is null)
        {
            return new DeleteOutcome(false, null);
        }

        var profileId = await grains.TerminalAsync(owner);
        for (var hop = 0; hop < ProfileRoutes.MaxHops; hop++)
        {
            var profile = grains.Profile(profileId);
            var versions = await profile.GetMemberVersionsAsync(sourceKey);
            var result = await profile.RemoveRecordAsync(sourceKey);
            if (result.RedirectTo is null)
            {
                // A deleted record is no candidate any more: it leaves the blocks of every version it had.
                await matcher.RemoveAsync(versions.SelectMany(v => matcher.KeysOf(v)).Select(static k => k.Key), sourceKey);

                return new DeleteOutcome(result.Status == IngestStatus.Updated, profileId);
            }

            profileId = result.RedirectTo;
        }

        throw new InvalidOperationException($"Delete of {sourceKey}: its profile kept moving.");
    }

    public async Task<ProfileView?> GetProfileAsync(ProfileLookup lookup, bool includeVersions, string purpose)
    {
        var start = await StartingProfileAsync(lookup);
        if (start is null)
        {
            return null;
        }

        var profileId = await grains.TerminalAsync(start);
        var view = await grains.Profile(profileId).GetViewAsync(includeVersions, purpose);
        return view is not null && lookup.ProfileId is { } asked && asked != profileId
            ? view with { RequestedProfileId = asked }
            : view;
    }

    public async Task<ImmutableArray<string>> FindProfileIdsAsync(ProfileLookup lookup)
    {
        if (await StartingProfileAsync(lookup) is not { } start)
        {
            return [];
        }

        var profileId = await grains.TerminalAsync(start);
        var merged = await grains.Profile(profileId).GetMergedProfileIdsAsync();
        return [profileId, .. merged];
    }

    public async Task<ProfileHistoryView?> GetHistoryAsync(string profileId, string purpose)
    {
        var route = await grains.Profile(profileId).GetRouteAsync();
        if (!route.Exists || route.Closed)
        {
            return null;
        }

        var terminal = await grains.TerminalAsync(profileId);
        var history = await grains.Profile(terminal).GetHistoryAsync(purpose);
        return new ProfileHistoryView(terminal, history);
    }

    public async Task<ProfileConsentView?> RecordConsentAsync(ProfileLookup lookup, ConsentStatement statement)
    {
        var start = await StartingProfileAsync(lookup);
        if (start is null)
        {
            return null;
        }

        var profileId = await grains.TerminalAsync(start);
        for (var hop = 0; hop < ProfileRoutes.MaxHops; hop++)
        {
            var result = await grains.Profile(profileId).RecordConsentAsync(statement);
            if (result.RedirectTo is not null)
            {
                // Merged in between: the statement follows the person to the survivor.
                profileId = result.RedirectTo;
                continue;
            }

            return result.Status == IngestStatus.Rejected
                ? null
                : new ProfileConsentView(profileId, await grains.Profile(profileId).GetConsentAsync() ?? []);
        }

        throw new InvalidOperationException($"Consent for {profileId}: its profile kept moving.");
    }

    public async Task<ProfileConsentView?> GetConsentAsync(ProfileLookup lookup)
    {
        var start = await StartingProfileAsync(lookup);
        if (start is null)
        {
            return null;
        }

        var profileId = await grains.TerminalAsync(start);
        return await grains.Profile(profileId).GetConsentAsync() is { } statements ? new ProfileConsentView(profileId, statements) : null;
    }

    public Task ResumeMergeAsync(PendingMerge merge) => Saga.ResumeAsync(merge);

    public async Task<ErasureReceipt?> EraseAsync(ProfileLookup lookup)
    {
        var requestedBy = AuditCaller.Current();
        if (await StartingProfileAsync(lookup) is { } start)
        {
            var profileId = await grains.TerminalAsync(start);
            return await GrainFactory.GetGrain<IErasureGrain>(ErasureIds.New()).EraseAsync(profileId, requestedBy);
        }

        // Asked again after the identifiers were released: the suppression entry names the erasure, which is finished.
        return KeyOf(lookup) is { } key && await GrainFactory.GetGrain<ISuppressionListGrain>(0).FindAsync(key) is { } erasureId
            ? await GrainFactory.GetGrain<IErasureGrain>(erasureId).ResumeAsync()
            : null;
    }

    private async Task<string?> StartingProfileAsync(ProfileLookup lookup)
    {
        if (lookup.ProfileId is { } profileId)
        {
            return profileId;
        }

        return KeyOf(lookup) is { } key ? await grains.Identifier(key).GetOwnerAsync() : null;
    }

    /// <summary>The identifier or source key a lookup names; null for a profile id or an identifier that normalises to nothing.</summary>
    private string? KeyOf(ProfileLookup lookup) =>
        lookup.ProfileId is not null ? null
        : lookup.IdentifierType is { } type ? normaliser.IdentifierKey(type, lookup.IdentifierValue ?? "")
        : SourceKeys.For(lookup.Source ?? "", lookup.RecordId ?? "");
}
