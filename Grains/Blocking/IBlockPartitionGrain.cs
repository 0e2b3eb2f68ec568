using System.Collections.Immutable;

namespace Cdm.Grains.Blocking;

/// <summary>
/// One partition of the blocks (key: its number, see <see cref="BlockPartitions"/>): it holds many blocks, each
/// stored as rows of its own under the grain id <c>block/&lt;block key&gt;</c>, and keeps the recently used ones in
/// memory. Called only inside the silo, by the resolver.
/// </summary>
[Alias("cdm.IBlockPartitionGrain")]
public interface IBlockPartitionGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// For each of <paramref name="blockKeys"/> (all of this partition), returns the other members (the candidates of
    /// <paramref name="memberId"/>) and then adds the member or replaces its features, in one turn: of any two
    /// records that share a block, the later one sees the earlier, whatever the interleaving, so every pair is
    /// compared once. A block over its cap returns none. The answer is in the order of the keys, and is given once
    /// every change is stored.
    /// </summary>
    Task<ImmutableArray<BlockCandidates>> ExchangeAsync(ImmutableArray<string> blockKeys, string memberId, ImmutableDictionary<string, string> features);

    /// <summary>Removes a member (a deleted or erased record) from <paramref name="blockKeys"/>.</summary>
    Task RemoveAsync(ImmutableArray<string> blockKeys, string memberId);

    /// <summary>The members of a block with their features; empty over the cap.</summary>
    Task<BlockCandidates> GetMembersAsync(string blockKey);
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
