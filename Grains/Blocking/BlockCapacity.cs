namespace Cdm.Grains.Blocking;

/// <summary>
/// How many members a block may hold. A block at its cap takes no more members: they are refused and counted, so
/// an oversized block (a common name in a large city, a shared placeholder) is reported instead of scanned.
/// </summary>
public sealed record BlockCapacity
{
    /// <summary>The default cap.</summary>
    public const int DefaultMaxMembers = 500;

    /// <summary>A cap of <paramref name="maxMembers"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMembers"/> is below 1.</exception>
    public BlockCapacity(int maxMembers = DefaultMaxMembers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMembers, 1);
        MaxMembers = maxMembers;
    }

    /// <summary>The default capacity.</summary>
    public static BlockCapacity Default { get; } = new();

    /// <summary>The most members a block holds.</summary>
    public int MaxMembers { get; }

    /// <summary>Whether a block of <paramref name="count"/> members can take one more.</summary>
    public bool Admits(int count) => count < MaxMembers;
}
