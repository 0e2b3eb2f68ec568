using Cdm.Contracts.Profiles;
using Cdm.Grains.Profiles;
using Microsoft.Extensions.Logging;

namespace Cdm.Silo.Hosting;

/// <summary>
/// At silo start, activates every merge-journal partition so that sagas interrupted by a crash or a
/// stop are finished without waiting for the next call that touches them.
/// </summary>
internal sealed partial class MergeJournalWakeUp(IGrainFactory grains, ILogger<MergeJournalWakeUp> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MergeJournalWakeUp), ServiceLifecycleStage.Active, OnStartAsync);

    private Task OnStartAsync(CancellationToken cancellationToken)
    {
        // Not awaited: the silo must finish starting for the resumed sagas' calls to be served.
        _ = Task.Run(async () =>
        {
            try
            {
                var held = await Task.WhenAll(Enumerable.Range(0, MergeJournalPartitions.Count)
                    .Select(i => grains.GetGrain<IMergeJournalGrain>(i).WakeAsync()));
                LogWoken(logger, held.Sum(static h => h.Length));
            }
            catch (Exception ex)
            {
                LogWakeFailed(logger, ex);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Merge journal woken; {Remaining} sagas still pending")]
    private static partial void LogWoken(ILogger logger, int remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waking the merge journal failed; its periodic check will retry")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception);
}
