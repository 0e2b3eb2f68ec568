using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Grains.Diagnostics;
using Cdm.Grains.Profiles;

namespace Cdm.Grains.Ingestion;

/// <summary>
/// The durable merge of a losing profile into a survivor (DESIGN rule 5): journal entry; loser persists
/// <c>Merging(to)</c> and freezes its content; survivor absorbs it idempotently; the loser's identifiers
/// are re-pointed by compare-and-set; loser becomes <c>MergedInto(to)</c>; journal entry removed. Every
/// step is idempotent, so running the saga again after a crash at any point finishes it.
/// </summary>
public sealed class MergeSaga(IGrainFactory grainFactory, ResolutionGrains grains, CdmMetrics metrics, TimeProvider time)
{
    /// <summary>
    /// Merges <paramref name="loser"/> into <paramref name="survivor"/>; returns the profile that absorbed it, or null
    /// when the absorbing profile refused (a do-not-link constraint): then the loser is active again.
    /// </summary>
    public async Task<string?> RunAsync(string loser, string survivor, string reason)
    {
        var journal = grainFactory.GetGrain<IMergeJournalGrain>(MergeJournalPartitions.For(loser));
        await journal.AddAsync(new PendingMerge(loser, survivor, reason, time.GetUtcNow()));
        var absorber = await FinishAsync(loser, survivor, reason);
        await journal.RemoveAsync(loser);
        return absorber;
    }

    /// <summary>
    /// Finishes a journalled saga. A loser that never entered <c>Merging</c> is left alone: the ingest that
    /// wanted the merge did not get that far, and its retry will ask again.
    /// </summary>
    public async Task ResumeAsync(PendingMerge merge)
    {
        var route = await grains.Profile(merge.Loser).GetRouteAsync();
        if (route.Target is not null)
        {
            await FinishAsync(merge.Loser, merge.Survivor, merge.Reason);
        }

        await grainFactory.GetGrain<IMergeJournalGrain>(MergeJournalPartitions.For(merge.Loser)).RemoveAsync(merge.Loser);
    }

    private async Task<string?> FinishAsync(string loser, string survivor, string reason)
    {
        var loserGrain = grains.Profile(loser);
        var begun = await loserGrain.BeginMergeAsync(survivor, reason);
        if (begun.Snapshot is null)
        {
            return begun.Target;
        }

        // The loser may already have been merging elsewhere; that target stands. Absorb into the first
        // active profile down the chain: a survivor that is itself merging must not take new content.
        var absorber = begun.Target;
        for (var hop = 0; ; hop++)
        {
            var result = await grains.Profile(absorber).AbsorbAsync(begun.Snapshot, reason);
            if (result.Status == IngestStatus.Rejected)
            {
                await loserGrain.CancelMergeAsync(begun.Target, $"merge into {absorber} refused: a do-not-link constraint; was: {reason}");
                metrics.LinkRefused();
                return null;
            }

            if (result.RedirectTo is null)
            {
                break;
            }

            if (hop >= ProfileRoutes.MaxHops)
            {
                throw new InvalidOperationException($"Merge of {loser}: no active profile within {ProfileRoutes.MaxHops} hops of {begun.Target}.");
            }

            absorber = result.RedirectTo;
        }

        await Task.WhenAll(begun.Snapshot.IdentifierKeys.Select(key => grains.Identifier(key).RepointAsync(loser, absorber)));
        await loserGrain.CompleteMergeAsync(absorber);
        metrics.MergeCompleted();
        return absorber;
    }
}
