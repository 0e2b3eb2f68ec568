using System.Collections.Immutable;
using Cdm.Contracts.Consent;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Contracts.Audit;
using Cdm.Grains.Audit;
using Cdm.Grains.Ingestion;
using Cdm.Grains.Privacy;
using Cdm.Grains.Privacy.Retention;
using Cdm.Grains.Storage;
using Cdm.Grains.Survivorship;

namespace Cdm.Grains.Profiles;

/// <summary>
/// One unified profile. Holds its member records and answers for them; while merging or merged it
/// redirects every change to its target, so nothing is written to a profile that has handed over.
/// It never calls another profile: the resolver drives merges, so calls cannot form a cycle (retention calls only
/// identifier grains and block partitions, which never call a profile).
/// </summary>
[GrainType("profile")]
// Activated on the silo of the first caller (the resolver that ingests the record): in a cluster most
// identifiers and profiles are touched by one record's resolution, so its calls stay in-process.
[Orleans.Placement.PreferLocalPlacement]
public sealed partial class ProfileGrain(
    GoldenRecordBuilder goldenBuilder,
    ReadPolicy readPolicy,
    ProfileReadFilter readFilter,
    RetentionPolicy retention,
    RecordMatcher matcher,
    IAuditStore audit,
    TimeProvider time) : Grain, IProfileGrain
{
    private StoredState<ProfileState> state = null!;

    // The golden record is derived data: computed when read after a change, never stored.
    private ImmutableArray<GoldenValue>? golden;

    private ProfileState Profile => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new StoredState<ProfileState>(GrainContext, "profile");
        return state.ReadAsync();
    }

    public async Task<ProfileWriteResult> AddRecordAsync(RecordVersion version, string linkReason)
    {
        if (Redirect() is { } redirect)
        {
            return redirect;
        }

        var status = Profile.AddVersion(version, linkReason, time.GetUtcNow());
        if (status != IngestStatus.Unchanged)
        {
            await SaveAsync();
            await AuditAsync(AuditAction.RecordWritten, source: version.Source);
            if (!version.Consents.IsDefaultOrEmpty)
            {
                await KeepConsentReminderAsync();
            }

            await KeepRetentionReminderAsync();
        }

        return new ProfileWriteResult(status, null);
    }

    public async Task<ProfileWriteResult> RemoveRecordAsync(string sourceKey)
    {
        if (Redirect() is { } redirect)
        {
            return redirect;
        }

        var source = Profile.Members.TryGetValue(sourceKey, out var member) ? member.Current.Source : null;
        if (!Profile.RemoveMember(sourceKey, time.GetUtcNow()))
        {
            return new ProfileWriteResult(IngestStatus.Unchanged, null);
        }

        await SaveAsync();
        await AuditAsync(AuditAction.RecordRemoved, source: source);
        return new ProfileWriteResult(IngestStatus.Updated, null);
    }

    public Task<ProfileRoute> GetRouteAsync() => Task.FromResult(
        new ProfileRoute(Profile.Status is ProfileStatus.Merging or ProfileStatus.MergedInto ? Profile.Target : null, state.RecordExists)
        {
            Closed = Profile.IsClosed,
        });

    public async Task<BeginMergeResult> BeginMergeAsync(string target, string reason)
    {
        switch (Profile.Status)
        {
            case ProfileStatus.Erasing or ProfileStatus.Erased:
                // Nothing of an erased person is handed over; the saga's caller sees no merge and looks again.
                return new BeginMergeResult(this.GetPrimaryKeyString(), null);
            case ProfileStatus.MergedInto:
                return new BeginMergeResult(Profile.Target!, null);
            case ProfileStatus.Merging:
                // Already handing over (perhaps to another survivor): that saga's target stands.
                return new BeginMergeResult(Profile.Target!, Profile.Snapshot(this.GetPrimaryKeyString()));
        }

        if (string.CompareOrdinal(target, this.GetPrimaryKeyString()) >= 0)
        {
            // Survivor is always the smaller id, so merge chains only descend and never cycle.
            throw new ArgumentException($"Profile {this.GetPrimaryKeyString()} cannot merge into larger id {target}.", nameof(target));
        }

        Profile.Status = ProfileStatus.Merging;
        Profile.Target = target;
        await SaveAsync();
        return new BeginMergeResult(target, Profile.Snapshot(this.GetPrimaryKeyString()));
    }

    public async Task<bool> SealAsync(string target)
    {
        if (Profile.Status != ProfileStatus.Active || state.RecordExists)
        {
            return false;
        }

        Profile.Status = ProfileStatus.MergedInto;
        Profile.Target = target;
        await SaveAsync();
        return true;
    }

    public async Task<ProfileWriteResult> AbsorbAsync(MergeSnapshot loser, string reason)
    {
        if (Redirect() is { } redirect)
        {
            return redirect;
        }

        if (!Profile.MergedProfileIds.Contains(loser.ProfileId) && Profile.DoNotLinkConflict(loser) is not null)
        {
            // Refused before anything changes: the saga puts the loser back to active.
            return new ProfileWriteResult(IngestStatus.Rejected, null);
        }

        if (!Profile.Absorb(loser, reason, time.GetUtcNow()))
        {
            return new ProfileWriteResult(IngestStatus.Unchanged, null);
        }

        await SaveAsync();
        await AuditAsync(AuditAction.Merged);
        if (!loser.Consents.IsDefaultOrEmpty)
        {
            await KeepConsentReminderAsync();
        }

        await KeepRetentionReminderAsync();

        return new ProfileWriteResult(IngestStatus.Merged, null);
    }

    public async Task CancelMergeAsync(string target, string reason)
    {
        if (Profile.Status != ProfileStatus.Merging || Profile.Target != target)
        {
            return;
        }

        Profile.CancelMerge(target, reason, time.GetUtcNow());
        await SaveAsync();
    }

    public async Task<ProfileWriteResult> AddDoNotLinkAsync(string memberKey, string otherKey)
    {
        if (Redirect() is { } redirect)
        {
            return redirect;
        }

        if (!Profile.Members.ContainsKey(memberKey))
        {
            return new ProfileWriteResult(IngestStatus.Unchanged, null);
        }

        if (Profile.AddDoNotLink(memberKey, otherKey, time.GetUtcNow()))
        {
            await SaveAsync();
            await AuditAsync(AuditAction.DoNotLink);
        }

        return new ProfileWriteResult(IngestStatus.Updated, null);
    }

    public Task<SplitPlan?> PlanSplitAsync(ImmutableArray<string> sourceKeys) => Task.FromResult(
        Profile.Status == ProfileStatus.Active ? Profile.PlanSplit(sourceKeys) : null);

    public async Task<ProfileWriteResult> AddSplitMembersAsync(ImmutableArray<MemberSnapshot> members, string from, string reason)
    {
        if (Redirect() is { } redirect)
        {
            return redirect;
        }

        if (!Profile.AddSplitMembers(members, from, reason, time.GetUtcNow()))
        {
            return new ProfileWriteResult(IngestStatus.Unchanged, null);
        }

        await SaveAsync();
        await AuditAsync(AuditAction.Split);
        if (!Profile.Consent.IsEmpty)
        {
            await KeepConsentReminderAsync();
        }

        await KeepRetentionReminderAsync();

        return new ProfileWriteResult(IngestStatus.Created, null);
    }

    public async Task<ProfileWriteResult> RemoveSplitMembersAsync(
        ImmutableArray<string> sourceKeys, string to, ImmutableArray<string> movedIdentifierKeys, bool doNotLink, string reason)
    {
        if (Redirect() is { } redirect)
        {
            return redirect;
        }

        if (!Profile.RemoveSplitMembers(sourceKeys, to, movedIdentifierKeys, doNotLink, reason, time.GetUtcNow()))
        {
            return new ProfileWriteResult(IngestStatus.Unchanged, null);
        }

        await SaveAsync();
        await AuditAsync(AuditAction.Split);
        return new ProfileWriteResult(IngestStatus.Updated, null);
    }

    public async Task<ProfileExplanation?> ExplainAsync()
    {
        if (Profile.Status != ProfileStatus.Active || Profile.IsEmpty)
        {
            return null;
        }

        await AuditAsync(AuditAction.ExplanationRead, purpose: ReadPurposes.Stewardship);

        var members = Profile.Members
            .OrderBy(static m => m.Key, StringComparer.Ordinal)
            .Select(static m => new MemberExplanation(m.Value.Current.Source, m.Value.Current.RecordId, m.Value.LinkReason, m.Value.DoNotLink is { } dnl ? [.. dnl] : []));
        var links = Profile.History.Where(static h => h.Kind is HistoryKind.Absorbed or HistoryKind.MergeRefused or HistoryKind.SplitOut or HistoryKind.DoNotLink);
        return new ProfileExplanation(this.GetPrimaryKeyString(), [.. members], [.. links]);
    }

    public Task<RecordVersion?> GetMemberAsync(string sourceKey) => Task.FromResult(
        Profile.Status == ProfileStatus.Active && Profile.Members.TryGetValue(sourceKey, out var member) ? member.Current : null);

    public Task<ImmutableArray<RecordVersion>> GetMemberVersionsAsync(string sourceKey) => Task.FromResult<ImmutableArray<RecordVersion>>(
        Profile.Status == ProfileStatus.Active && Profile.Members.TryGetValue(sourceKey, out var member) ? [.. member.Versions] : []);

    public Task<LinkFacts> GetLinkFactsAsync() => Task.FromResult(
        Profile.Status == ProfileStatus.Active ? Profile.LinkFacts() : new LinkFacts([], []));

    public async Task CompleteMergeAsync(string target)
    {
        if (Profile.Status is ProfileStatus.MergedInto or ProfileStatus.Erasing or ProfileStatus.Erased)
        {
            return;
        }

        Profile.BecomeMergedInto(target, time.GetUtcNow());
        await SaveAsync();
    }

    public async Task<ProfileView?> GetViewAsync(bool includeVersions, string purpose)
    {
        // Refused before anything is read: an unknown purpose must not learn whether the profile exists.
        var grant = Grant(purpose);
        if (Profile.Status != ProfileStatus.Active || Profile.IsEmpty)
        {
            return null;
        }

        // Logged before it is answered: no read leaves without its line in the audit log.
        await AuditAsync(AuditAction.ProfileRead, purpose: purpose);

        golden ??= goldenBuilder.Build(Profile.CurrentVersions());
        var id = this.GetPrimaryKeyString();
        var members = Profile.Members.Values
            .Select(m => new MemberView(
                m.Current.Source,
                m.Current.RecordId,
                m.Current,
                includeVersions ? [.. m.Versions] : [],
                m.Versions.Count,
                m.LinkReason))
            .OrderBy(static m => m.Source, StringComparer.Ordinal)
            .ThenBy(static m => m.RecordId, StringComparer.Ordinal)
            .ToImmutableArray();
        var view = new ProfileView(
            id,
            golden.Value,
            [.. Profile.IdentifierKeys.Where(static k => !k.StartsWith(SourceKeys.Prefix, StringComparison.Ordinal))],
            members,
            [.. Profile.MergedProfileIds],
            Profile.CreatedAt ?? DateTimeOffset.UnixEpoch,
            Profile.UpdatedAt ?? DateTimeOffset.UnixEpoch,
            null);
        return readFilter.Apply(view, grant);
    }

    public async Task<ImmutableArray<HistoryEntry>> GetHistoryAsync(string purpose)
    {
        var grant = Grant(purpose);
        if (Profile.IsClosed)
        {
            return [];
        }

        if (Profile.History.Count > 0)
        {
            await AuditAsync(AuditAction.HistoryRead, purpose: purpose);
        }

        return readFilter.Apply([.. Profile.History], grant);
    }

    public Task<ImmutableArray<string>> GetMergedProfileIdsAsync() => Task.FromResult<ImmutableArray<string>>(
        Profile.Status == ProfileStatus.Active ? [.. Profile.MergedProfileIds] : []);

    /// <summary>Appends what the current caller did to this profile to the audit log; completes once it is durable.</summary>
    private Task AuditAsync(AuditAction action, string? purpose = null, string? source = null) =>
        audit.AppendAsync(new AuditEntry(0, time.GetUtcNow(), AuditCaller.Current(), action, this.GetPrimaryKeyString(), purpose, source));

    /// <summary>What a read for <paramref name="purpose"/> may see under the consent this profile holds now.</summary>
    private ReadGrant Grant(string purpose)
    {
        var now = time.GetUtcNow();
        return readPolicy.Grant(purpose, p => Profile.Consent.Effective(p, now));
    }

    /// <summary>Null when this profile takes changes; else where they go, or a refusal when it is being (or was) erased.</summary>
    private ProfileWriteResult? Redirect() => Profile.Status switch
    {
        ProfileStatus.Active => null,
        ProfileStatus.Merging or ProfileStatus.MergedInto => ProfileWriteResult.Redirect(Profile.Target!),
        _ => new ProfileWriteResult(IngestStatus.Rejected, null),
    };

    private async Task SaveAsync()
    {
        golden = null;
        try
        {
            await state.WriteAsync();
        }
        catch
        {
            // The in-memory state is ahead of storage (or storage changed under us): drop this
            // activation so the next call starts from what storage holds, then let the caller retry.
            DeactivateOnIdle();
            throw;
        }
    }
}
