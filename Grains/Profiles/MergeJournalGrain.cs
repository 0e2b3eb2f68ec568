using System.Collections.Immutable;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Grains.Diagnostics;
using Cdm.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cdm.Grains.Profiles;

/// <summary>
/// One partition of the durable list of merge sagas in flight. A saga is entered before its first step
/// and removed after its last; whatever is left (its driver crashed or lost a call) is finished here:
/// on activation (the silo wakes every partition at start), by a periodic check while active, and by a
/// reminder while the partition holds sagas. The reminder is what survives the silo: when the silo that
/// hosted this partition dies, the reminder service activates the partition on another silo.
/// </summary>
[GrainType("merge-journal")]
public sealed partial class MergeJournalGrain(
    [PersistentState("journal", StorageNames.Cdm)] IPersistentState<MergeJournalState> state,
    IOptions<MergeJournalOptions> options,
    CdmMetrics metrics,
    TimeProvider time,
    ILogger<MergeJournalGrain> logger) : Grain, IMergeJournalGrain, IRemindable
{
    private const string ResumeReminder = "resume-pending-merges";

    // Registered by this activation: the reminder row is written once per activation, not once per saga.
    private bool reminderHeld;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Interleave: resuming calls the resolver, which calls back into this grain to remove the entry.
        var period = options.Value.CheckPeriod;
        this.RegisterGrainTimer(ResumeStaleAsync, new GrainTimerCreationOptions(period, period) { Interleave = true, KeepAlive = true });
        if (state.State.Pending.Count > 0)
        {
            await HoldReminderAsync();
        }
    }

    public async Task AddAsync(PendingMerge merge)
    {
        if (state.State.Pending.TryGetValue(merge.Loser, out var held) && held == merge)
        {
            return;
        }

        state.State.Pending[merge.Loser] = merge;
        await state.WriteStateAsync();
        await HoldReminderAsync();
    }

    public async Task RemoveAsync(string loser)
    {
        if (state.State.Pending.Remove(loser))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<ImmutableArray<PendingMerge>> WakeAsync()
    {
        await ResumeAsync(DateTimeOffset.MaxValue, SagaResumeReason.Startup);
        return [.. state.State.Pending.Values];
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await ResumeStaleAsync(CancellationToken.None);
        if (state.State.Pending.Count == 0 && await this.GetReminder(ResumeReminder) is { } reminder)
        {
            // Nothing left to guard: an idle partition costs the reminder service nothing.
            await this.UnregisterReminder(reminder);
            reminderHeld = false;
        }
    }

    private async Task HoldReminderAsync()
    {
        if (!reminderHeld)
        {
            var period = options.Value.ReminderPeriod;
            await this.RegisterOrUpdateReminder(ResumeReminder, period, period);
            reminderHeld = true;
        }
    }

    private Task ResumeStaleAsync(CancellationToken cancellationToken) =>
        ResumeAsync(time.GetUtcNow() - options.Value.StaleAfter, SagaResumeReason.Stale);

    private async Task ResumeAsync(DateTimeOffset startedBefore, SagaResumeReason reason)
    {
        var resolver = GrainFactory.GetGrain<IResolverGrain>(0);
        foreach (var merge in state.State.Pending.Values.Where(m => m.StartedAt <= startedBefore).ToList())
        {
            try
            {
                LogResuming(logger, merge.Loser, merge.Survivor);
                await resolver.ResumeMergeAsync(merge);
                metrics.SagaResumed(reason, completed: true);
            }
            catch (Exception ex)
            {
                // Left in the journal: the next check tries again.
                metrics.SagaResumed(reason, completed: false);
                LogResumeFailed(logger, ex, merge.Loser, merge.Survivor);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming merge saga of {Loser} into {Survivor}")]
    private static partial void LogResuming(ILogger logger, string loser, string survivor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Merge saga of {Loser} into {Survivor} could not be finished yet")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception, string loser, string survivor);
}
