using Cdm.Contracts.Profiles;
using Cdm.Grains.Profiles;
using Microsoft.Extensions.Logging;

namespace Cdm.Silo.Hosting;

/// <summary>
/// Wakes every merge-journal partition so that sagas interrupted by a crash or a stop are finished without
/// waiting for the next call that touches them: once when this silo starts, and again whenever another
/// silo of the cluster is declared dead (the sagas it was driving stop mid-way; the partitions' reminders
/// would finish them too, but only after a reminder period).
/// </summary>
internal sealed partial class MergeJournalWakeUp(
    IGrainFactory grains,
    IClusterMembershipService membership,
    ILogger<MergeJournalWakeUp> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource stopping = new();

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MergeJournalWakeUp), ServiceLifecycleStage.Active, OnStartAsync, OnStopAsync);

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        // Not awaited: the silo must finish starting for the resumed sagas' calls to be served.
        _ = Task.Run(() => WakeAsync("silo started"), CancellationToken.None);
        _ = Task.Run(WatchForDeadSilosAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    private Task OnStopAsync(CancellationToken cancellationToken)
    {
        stopping.Cancel();
        return Task.CompletedTask;
    }

    private async Task WatchForDeadSilosAsync()
    {
        HashSet<SiloAddress>? dead = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stopping.Token))
            {
                var nowDead = snapshot.Members.Values.Where(static m => m.Status == SiloStatus.Dead).Select(static m => m.SiloAddress).ToList();
                if (dead is null)
                {
                    // Silos that died before this one started are covered by the start-up wake.
                    dead = [.. nowDead];
                    continue;
                }

                var newlyDead = nowDead.Where(dead.Add).ToList();
                if (newlyDead.Count > 0)
                {
                    await WakeAsync("silo " + string.Join(", ", newlyDead) + " died");
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task WakeAsync(string why)
    {
        try
        {
            var held = await Task.WhenAll(Enumerable.Range(0, MergeJournalPartitions.Count)
                .Select(i => grains.GetGrain<IMergeJournalGrain>(i).WakeAsync()));
            LogWoken(logger, why, held.Sum(static h => h.Length));
        }
        catch (Exception ex)
        {
            LogWakeFailed(logger, ex, why);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Merge journal woken ({Why}); {Remaining} sagas still pending")]
    private static partial void LogWoken(ILogger logger, string why, int remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking the merge journal ({Why}) failed; its reminders and periodic checks will retry")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, string why);
}
