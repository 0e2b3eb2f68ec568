using System.Collections.Immutable;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Matching;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Stewardship;
using Cdm.Grains.Ingestion;
using Cdm.Grains.Matching;
using Cdm.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace Cdm.Grains.Privacy.Erasure;

/// <summary>
/// One erasure saga (<see cref="IErasureGrain"/>). The order of the steps is what keeps the person from coming back:
/// the profile is closed first (it refuses every change), then every silo refuses records carrying the person's keys,
/// and only then are the blocks left and the identifier grains released, so no import in between can re-create the
/// person. Review tasks and other profiles' mentions go next, and the profile becomes a tombstone last: until then a
/// repeated request finds it and finishes this saga. A reminder is held from the first write to the last.
/// </summary>
[GrainType("erasure")]
public sealed partial class ErasureGrain(
    ResolutionGrains grains, RecordMatcher matcher, ISuppressionFanOut fanOut, TimeProvider time, ILogger<ErasureGrain> logger)
    : Grain, IErasureGrain, IRemindable
{
    private const string ResumeReminder = "erasure-resume";

    private StoredState<ErasureState> state = null!;

    private string Id => this.GetPrimaryKeyString();

    private ErasureState Saga => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new StoredState<ErasureState>(GrainContext, "erasure");
        return state.ReadAsync();
    }

    public async Task<ErasureReceipt?> EraseAsync(string profileId, string requestedBy)
    {
        ArgumentException.ThrowIfNullOrEmpty(profileId);
        if (!state.RecordExists)
        {
            // Written, with its reminder, before the profile is closed: a crash after that is always finished.
            Saga.ProfileId = profileId;
            Saga.RequestedBy = requestedBy;
            Saga.RequestedAt = time.GetUtcNow();
            await state.WriteAsync();
            await this.RegisterOrUpdateReminder(ResumeReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        return await RunAsync();
    }

    public Task<ErasureReceipt?> ResumeAsync() => state.RecordExists ? RunAsync() : Task.FromResult<ErasureReceipt?>(null);

    public Task<ErasureReceipt?> GetReceiptAsync() => Task.FromResult(state.RecordExists ? Receipt() : null);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ResumeReminder)
        {
            return;
        }

        try
        {
            await ResumeAsync();
        }
        catch (Exception ex)
        {
            // The reminder stays: the next tick tries again.
            LogResumeFailed(logger, ex, Id, Saga.Phase);
        }
    }

    private async Task<ErasureReceipt?> RunAsync()
    {
        if (Saga.Phase == ErasurePhase.Started)
        {
            var begun = await BeginAsync();
            if (begun.Subject is null)
            {
                // Nothing to erase here, or another erasure holds the profile: this one never happened.
                await ForgetSelfAsync();
                return begun.ErasedBy is { } other && other != Id
                    ? await GrainFactory.GetGrain<IErasureGrain>(other).ResumeAsync()
                    : null;
            }

            await PlanAsync(begun.Subject);
        }

        var plan = Saga.Plan;
        if (plan is not null)
        {
            var erasedProfiles = Saga.ProfileIds.ToImmutableArray();
            var keys = plan.Keys.ToImmutableArray();
            if (Saga.Phase == ErasurePhase.Planned)
            {
                var version = await GrainFactory.GetGrain<ISuppressionListGrain>(0).AddAsync(Id, keys);
                await fanOut.SyncEverySiloAsync(version);
                await StepAsync(ErasurePhase.Suppressed, "suppressed");
            }

            if (Saga.Phase == ErasurePhase.Suppressed)
            {
                await Task.WhenAll(plan.BlockKeys.Select(m => matcher.RemoveAsync(m.Value, m.Key)));
                // Names only this person had leave the match models' term-frequency tables too.
                var names = plan.ModelValues.ToImmutableDictionary(
                    static f => f.Key, static f => f.Value.ToImmutableDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
                await GrainFactory.GetGrain<IMatchModelGrain>(IMatchModelGrain.Key).ForgetValuesAsync(names);
                await StepAsync(ErasurePhase.Unblocked, "blocks_left");
            }

            if (Saga.Phase == ErasurePhase.Unblocked)
            {
                await Task.WhenAll(keys.Select(k => grains.Identifier(k).ForgetAsync(erasedProfiles)));
                await StepAsync(ErasurePhase.IdentifiersReleased, "identifiers_released");
            }

            if (Saga.Phase == ErasurePhase.IdentifiersReleased)
            {
                var dropped = await Task.WhenAll(Enumerable.Range(0, IReviewQueueGrain.Partitions)
                    .Select(p => GrainFactory.GetGrain<IReviewQueueGrain>(p).DropInvolvingAsync(keys)));
                Saga.Counts = Saga.Counts with { ReviewTasks = dropped.Sum() };
                await StepAsync(ErasurePhase.ReviewsDropped, "review_tasks_dropped");
            }

            if (Saga.Phase == ErasurePhase.ReviewsDropped)
            {
                var changed = await Task.WhenAll(plan.RelatedProfileIds.Select(p => ForgetInAsync(p, keys)));
                Saga.Counts = Saga.Counts with { RelatedProfiles = changed.Count(static c => c) };
                await StepAsync(ErasurePhase.ReferencesRemoved, "references_removed");
            }

            if (Saga.Phase == ErasurePhase.ReferencesRemoved)
            {
                // The merged tombstones first, the profile last: while it is still closed, a repeated request finds it.
                await Task.WhenAll(Saga.ProfileIds.Skip(1).Select(p => grains.Profile(p).CompleteErasureAsync(Id)));
                await grains.Profile(Saga.ProfileIds[0]).CompleteErasureAsync(Id);
                await StepAsync(ErasurePhase.Tombstoned, "profiles_erased");
            }

            if (Saga.Phase == ErasurePhase.Tombstoned)
            {
                Saga.Plan = null;
                Saga.CompletedAt = time.GetUtcNow();
                await StepAsync(ErasurePhase.Completed, "completed");
            }
        }

        if (Saga.Phase == ErasurePhase.Completed && await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        return Receipt();
    }

    /// <summary>Closes the profile, following merges from the one the request found.</summary>
    private async Task<BeginErasureResult> BeginAsync()
    {
        var profileId = Saga.ProfileId;
        for (var hop = 0; hop < ProfileRoutes.MaxHops; hop++)
        {
            var begun = await grains.Profile(profileId).BeginErasureAsync(Id);
            if (begun.RedirectTo is null)
            {
                return begun;
            }

            profileId = begun.RedirectTo;
        }

        throw new InvalidOperationException($"Erasure {Id}: no active profile within {ProfileRoutes.MaxHops} hops of {Saga.ProfileId}.");
    }

    /// <summary>
    /// Works out and stores what leaves with the person. A key another profile owns (a record kept apart from this one
    /// by a do-not-link constraint shares it) stays: it is that person's too.
    /// </summary>
    private async Task PlanAsync(ErasureSubject subject)
    {
        var erased = new HashSet<string>([subject.ProfileId, .. subject.MergedProfileIds], StringComparer.Ordinal);
        var owners = await Task.WhenAll(subject.IdentifierKeys.Select(k => grains.Identifier(k).GetOwnerAsync()));
        var keys = new List<string>(subject.IdentifierKeys.Length);
        for (var i = 0; i < owners.Length; i++)
        {
            if (owners[i] is not { } owner || erased.Contains(owner) || await grains.TerminalAsync(owner) == subject.ProfileId)
            {
                // An empty profile sealed into this one may still own a key for a moment: it is erased with it.
                if (owners[i] is { } sealedOwner)
                {
                    erased.Add(sealedOwner);
                }

                keys.Add(subject.IdentifierKeys[i]);
            }
        }

        var blockKeys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var version in subject.Versions)
        {
            var held = blockKeys.TryGetValue(version.SourceKey, out var list) ? list : blockKeys[version.SourceKey] = [];
            held.AddRange(matcher.KeysOf(version).Select(static k => k.Key).Where(k => !held.Contains(k)));
        }

        var current = subject.Versions.GroupBy(static v => v.SourceKey, StringComparer.Ordinal).Select(static g => g.Last());
        var modelValues = TermFrequencyErasure.ValuesOf(current)
            .ToDictionary(static f => f.Key, static f => f.Value.ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal);

        var related = new HashSet<string>(StringComparer.Ordinal);
        foreach (var owner in await Task.WhenAll(subject.DoNotLinkKeys.Select(k => grains.Identifier(k).GetOwnerAsync())))
        {
            if (owner is not null)
            {
                related.Add(await grains.TerminalAsync(owner));
            }
        }

        foreach (var mentioned in subject.MentionedProfileIds)
        {
            related.Add(await grains.TerminalAsync(mentioned));
        }

        related.ExceptWith(erased);
        Saga.ProfileIds = [subject.ProfileId, .. erased.Where(p => p != subject.ProfileId).Order(StringComparer.Ordinal)];
        Saga.Plan = new ErasurePlan { Keys = keys, BlockKeys = blockKeys, RelatedProfileIds = [.. related.Order(StringComparer.Ordinal)], ModelValues = modelValues };
        Saga.Counts = ErasureCounts.None with
        {
            Records = blockKeys.Count,
            Versions = subject.Versions.Length,
            Identifiers = keys.Count,
            SuppressionEntries = keys.Count,
            BlockEntries = blockKeys.Values.Sum(static b => b.Count),
            ConsentStatements = subject.ConsentStatements,
        };
        await StepAsync(ErasurePhase.Planned, "profile_closed");
    }

    /// <summary>Removes the mentions of <paramref name="keys"/> from a profile, following merges; true when it had any.</summary>
    private async Task<bool> ForgetInAsync(string profileId, ImmutableArray<string> keys)
    {
        for (var hop = 0; hop < ProfileRoutes.MaxHops; hop++)
        {
            var result = await grains.Profile(profileId).ForgetErasedKeysAsync(keys);
            if (result.RedirectTo is null)
            {
                return result.Status == IngestStatus.Updated;
            }

            profileId = result.RedirectTo;
        }

        throw new InvalidOperationException($"Erasure {Id}: profile {profileId} kept moving.");
    }

    private async Task StepAsync(ErasurePhase phase, string name)
    {
        Saga.Phase = phase;
        Saga.Steps.Add(new ErasureStep(name, time.GetUtcNow()));
        await state.WriteAsync();
    }

    /// <summary>Removes this saga's row and reminder: it found nothing of its own to erase.</summary>
    private async Task ForgetSelfAsync()
    {
        if (await this.GetReminder(ResumeReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await state.EraseAsync();
        DeactivateOnIdle();
    }

    private ErasureReceipt Receipt() => new(
        Id,
        Saga.Phase == ErasurePhase.Completed ? ErasureStatus.Completed : ErasureStatus.InProgress,
        Saga.RequestedAt,
        Saga.CompletedAt,
        Saga.RequestedBy,
        [.. Saga.ProfileIds],
        Saga.Counts,
        [.. Saga.Steps]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure {ErasureId} could not be finished yet (at {Phase}); it is tried again")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception, string erasureId, ErasurePhase phase);
}
