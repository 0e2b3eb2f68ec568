using System.Collections.Immutable;

namespace Cdm.Grains.Blocking;

/// <summary>
/// One block (key: a <see cref="BlockingKey.Key"/>): the records that share that blocking key, each with the
/// features the matcher compares. Called only inside the silo, by the resolver.
/// </summary>
[Alias("cdm.IBlockGrain")]
public interface IBlockGrain : IGrainWithStringKey
{
    /// <summary>
    /// Returns the other members (the candidates of <paramref name="memberId"/>) and then adds the member or
    /// replaces its features, in one turn: of any two records that share the block, the later one sees the
    /// earlier, whatever the interleaving, so every pair is compared once. A block over its cap returns none.
    /// </summary>
    Task<BlockCandidates> ExchangeAsync(string memberId, ImmutableDictionary<string, string> features);

    /// <summary>Removes a member (a deleted or erased record).</summary>
    Task RemoveAsync(string memberId);

    /// <summary>The members with their features, for training and re-resolution; empty over the cap.</summary>
    Task<BlockCandidates> GetMembersAsync();
}

/// <summary>The candidates a block returned; <see cref="OverCap"/> when it is too large to scan.</summary>
[GenerateSerializer, Immutable, Alias("cdm.BlockCandidates")]
public sealed record BlockCandidates(
    [property: Id(0)] ImmutableArray<BlockCandidate> Members,
    [property: Id(1)] bool OverCap)
{
    public static BlockCandidates None { get; } = new([], false);
}

/// <summary>A member of a block: its source key and its comparison features.</summary>
[GenerateSerializer, Immutable, Alias("cdm.BlockCandidate")]
public sealed record BlockCandidate(
    [property: Id(0)] string MemberId,
    [property: Id(1)] ImmutableDictionary<string, string> Features);
