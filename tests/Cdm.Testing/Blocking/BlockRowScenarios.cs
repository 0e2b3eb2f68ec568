using System.Collections.Immutable;
using Cdm.Grains.Blocking;
using Cdm.Grains.Blocking.Rows;

namespace Cdm.Testing.Blocking;

/// <summary>
/// Blocks changed as a block partition changes them, shared by the tests of every storage that keeps blocks, so each
/// storage's tests differ only in how they look at the stored rows.
/// </summary>
public static class BlockRowScenarios
{
    /// <summary>The comparison features of test member <paramref name="i"/>: given name <c>given-i</c>.</summary>
    public static ImmutableDictionary<string, string> Features(int i) =>
        ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["given_name"] = $"given-{i}",
            ["birth_date"] = "1980-01-01",
        });

    /// <summary>Adds a member that must be new to the block (or have new features).</summary>
    /// <exception cref="InvalidOperationException">The block did not take it.</exception>
    public static void Add(CachedBlock block, string memberId, ImmutableDictionary<string, string> features)
    {
        var change = block.Add(memberId, features, BlockCapacity.Default);
        if (change != BlockMembershipChange.Added)
        {
            throw new InvalidOperationException($"Adding {memberId} to block {block.Key} gave {change}.");
        }
    }

    /// <summary>Fills <paramref name="key"/> with members a, b and c at a cap of two, and writes it: a, b and the cap.</summary>
    public static async Task WriteCappedBlockAsync(IPartitionBlockRows rows, string key)
    {
        var block = await rows.ReadAsync(key);
        var capacity = new BlockCapacity(2);
        foreach (var id in new[] { "a", "b", "c" })
        {
            block.Add(id, Features(0), capacity);
        }

        await rows.WriteAsync([block]);
    }

    /// <summary>
    /// Writes, in one write, block k1 with member m1 and block k2 with m1 (the same features, encoded once) and m2
    /// (given-6), then k2 capped at two: three member rows and one cap.
    /// </summary>
    public static async Task WriteTwoBlocksOneCappedAsync(IPartitionBlockRows rows)
    {
        var first = await rows.ReadAsync("k1");
        var second = await rows.ReadAsync("k2");
        var shared = Features(5);
        Add(first, "m1", shared);
        Add(second, "m1", shared);
        Add(second, "m2", Features(6));
        if (second.Add("m3", Features(7), new BlockCapacity(2)) != BlockMembershipChange.Capped)
        {
            throw new InvalidOperationException("Block k2 should have reached its cap.");
        }

        await rows.WriteAsync([first, second]);
    }
}
