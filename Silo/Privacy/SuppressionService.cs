using Cdm.Grains.Privacy.Erasure;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Runtime.Services;
using Orleans.Services;

namespace Cdm.Silo.Privacy;

/// <summary>One per silo: brings the silo's suppression copy (<see cref="SuppressionSet"/>) up to date when asked.</summary>
[Alias("cdm.ISuppressionService")]
public interface ISuppressionService : IGrainService
{
    /// <summary>Completes once this silo's copy holds at least <paramref name="version"/>.</summary>
    Task SyncAsync(int version);
}

/// <summary>
/// The per-silo service behind <see cref="ISuppressionFanOut"/>. Besides the saga's calls it refreshes the copy every
/// half minute, for a silo that joined while an erasure was fanning out.
/// </summary>
[Reentrant]
public sealed partial class SuppressionService(GrainId id, Orleans.Runtime.Silo silo, ILoggerFactory loggerFactory, SuppressionSet suppression)
    : GrainService(id, silo, loggerFactory), ISuppressionService
{
    private static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(30);

    private readonly ILogger logger = loggerFactory.CreateLogger<SuppressionService>();

    public Task SyncAsync(int version) => suppression.SyncAsync(version);

    protected override Task StartInBackground()
    {
        _ = RefreshLoopAsync(StoppedCancellationTokenSource.Token);
        return base.StartInBackground();
    }

    private async Task RefreshLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RefreshPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await suppression.SyncAsync(0);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogRefreshFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The silo is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The suppression list could not be refreshed; it is tried again")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}

/// <summary>Reaches the <see cref="SuppressionService"/> of every active silo.</summary>
public interface ISuppressionServiceClient : IGrainServiceClient<ISuppressionService>, ISuppressionFanOut
{
}

/// <inheritdoc cref="ISuppressionServiceClient"/>
public sealed class SuppressionServiceClient(IServiceProvider services, IClusterMembershipService membership)
    : GrainServiceClient<ISuppressionService>(services), ISuppressionServiceClient
{
    public Task SyncEverySiloAsync(int version) => Task.WhenAll(membership.CurrentSnapshot.Members.Values
        .Where(static m => m.Status == SiloStatus.Active)
        .Select(m => GetGrainService(m.SiloAddress).SyncAsync(version)));
}
