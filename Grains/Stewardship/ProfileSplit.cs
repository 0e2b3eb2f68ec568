using System.Collections.Immutable;
using Cdm.Grains.Ingestion;
using Cdm.Grains.Profiles;

namespace Cdm.Grains.Stewardship;

/// <summary>
/// Moves members out of a profile into a new one (DESIGN rule 7): the new profile takes their records, the
/// identifiers only they carry are re-pointed by compare-and-set, then the old profile lets them go; both golden
/// records are recomputed from the records they now hold. Each step is idempotent and the new profile's id is
/// fixed by the old profile's split count, so running an interrupted split again finishes it.
/// </summary>
public sealed class ProfileSplit(ResolutionGrains grains)
{
    /// <summary>
    /// Splits <paramref name="sourceKeys"/> out of <paramref name="profileId"/>; with <paramref name="doNotLink"/>
    /// (a steward's split) later ingests never link them with the members that stay. Null when the plan is refused.
    /// </summary>
    public async Task<string?> RunAsync(string profileId, ImmutableArray<string> sourceKeys, bool doNotLink, string reason)
    {
        var old = grains.Profile(profileId);
        if (await old.PlanSplitAsync(sourceKeys) is not { } plan)
        {
            return null;
        }

        var newId = ProfileIds.FromSourceKey($"split:{profileId}:{plan.SplitCount}:{sourceKeys.Min(StringComparer.Ordinal)}");
        var moving = doNotLink
            ? [.. plan.Moving.Select(m => m with { DoNotLink = [.. m.DoNotLink.Union(plan.Staying, StringComparer.Ordinal)] })]
            : plan.Moving;
        var added = await grains.Profile(newId).AddSplitMembersAsync(moving, profileId, reason);
        if (added.RedirectTo is not null)
        {
            throw new InvalidOperationException($"Split of {profileId}: the new profile {newId} is not active.");
        }

        await Task.WhenAll(plan.MovingIdentifierKeys.Select(async key =>
        {
            var identifier = grains.Identifier(key);
            if (await identifier.GetOwnerAsync() is { } owner && await grains.TerminalAsync(owner) == profileId)
            {
                await identifier.RepointAsync(owner, newId);
            }
        }));
        var removed = await old.RemoveSplitMembersAsync(sourceKeys, newId, plan.MovingIdentifierKeys, doNotLink, reason);
        if (removed.RedirectTo is not null)
        {
            throw new InvalidOperationException($"Split of {profileId}: it was merged meanwhile; run the split again.");
        }

        return newId;
    }
}
