using System.Collections.Immutable;
using Cdm.Contracts.Identity;
using Cdm.Grains.Storage;

namespace Cdm.Grains.Identity;

/// <summary>
/// Owner of one identifier (or source key). The single writer of that key: claims are first-come, and
/// re-pointing after a merge is a compare-and-set, so two merges can never both move the same key.
/// </summary>
[GrainType("identifier")]
// Activated on the silo of the first caller (the resolver that ingests the record): in a cluster most
// identifiers and profiles are touched by one record's resolution, so its calls stay in-process.
[Orleans.Placement.PreferLocalPlacement]
// Each record touches several identifiers once; keeping them for Orleans' default 15 minutes would hold
// millions of idle activations during a bulk load. Re-activating a later one costs a single read.
[CollectionAgeLimit(Minutes = 2)]
public sealed class IdentifierGrain(TimeProvider time) : Grain, IIdentifierGrain
{
    private StoredState<IdentifierState> state = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state = new StoredState<IdentifierState>(GrainContext, "identifier");
        return state.ReadAsync();
    }

    public Task<string?> GetOwnerAsync() => Task.FromResult(state.State.Owner);

    public async Task<string> ClaimAsync(string profileId)
    {
        if (state.State.Owner is { } owner)
        {
            return owner;
        }

        await SetOwnerAsync(profileId);
        return profileId;
    }

    public async Task<bool> RepointAsync(string from, string to)
    {
        if (state.State.Owner == to)
        {
            return true;
        }

        if (state.State.Owner != from)
        {
            return false;
        }

        await SetOwnerAsync(to);
        return true;
    }

    public async Task<bool> ForgetAsync(ImmutableArray<string> erasedOwners)
    {
        if (state.State.Owner is { } owner && !erasedOwners.Contains(owner))
        {
            return false;
        }

        if (state.RecordExists)
        {
            // The row goes, not only its content: this grain's key is the identifier itself.
            await state.EraseAsync();
        }

        DeactivateOnIdle();
        return true;
    }

    private async Task SetOwnerAsync(string owner)
    {
        var previous = (state.State.Owner, state.State.ClaimedAt);
        state.State.Owner = owner;
        state.State.ClaimedAt = time.GetUtcNow();
        try
        {
            await state.WriteAsync();
        }
        catch
        {
            // The write may or may not have reached storage (a timeout can still commit). Forget the
            // in-memory copy so the next call reads what storage really holds.
            (state.State.Owner, state.State.ClaimedAt) = previous;
            DeactivateOnIdle();
            throw;
        }
    }
}
