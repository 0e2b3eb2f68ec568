namespace Cdm.Grains.Resolution;

/// <summary>
/// Union-find over records 0..n-1 where some pairs must never end in one set (do-not-link): a union that would put
/// two forbidden records together is refused. Each root keeps its members and, when any member carries a
/// constraint, the records its members forbid, so a check costs the smaller side.
/// </summary>
public sealed class ConstrainedUnionFind
{
    private readonly int[] parent;
    private readonly List<int>[] members;
    private readonly HashSet<int>?[] forbidden;

    /// <summary>
    /// <paramref name="doNotLink"/>[i] lists the records i must never share a set with (either side may list a pair).
    /// </summary>
    public ConstrainedUnionFind(int count, IReadOnlyList<IReadOnlyCollection<int>?> doNotLink)
    {
        ArgumentNullException.ThrowIfNull(doNotLink);
        parent = new int[count];
        members = new List<int>[count];
        forbidden = new HashSet<int>?[count];
        for (var i = 0; i < count; i++)
        {
            parent[i] = i;
            members[i] = [i];
            if (doNotLink[i] is { Count: > 0 } keys)
            {
                forbidden[i] = [.. keys];
            }
        }
    }

    /// <summary>The root of <paramref name="x"/>'s set.</summary>
    public int Find(int x)
    {
        var root = x;
        while (parent[root] != root)
        {
            root = parent[root];
        }

        while (parent[x] != root)
        {
            (x, parent[x]) = (parent[x], root);
        }

        return root;
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are in one set.</summary>
    public bool Connected(int a, int b) => Find(a) == Find(b);

    /// <summary>
    /// Joins the sets of <paramref name="a"/> and <paramref name="b"/>. A union a do-not-link constraint forbids is
    /// <see cref="UnionResult.Refused"/>; otherwise, when <paramref name="admits"/> (given the two roots) says no, it
    /// is <see cref="UnionResult.OverLimit"/>.
    /// </summary>
    public UnionResult Union(int a, int b, Func<int, int, bool>? admits = null)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return UnionResult.AlreadyJoined;
        }

        // Keep the larger set as the root; check the smaller side against it.
        if (members[ra].Count < members[rb].Count)
        {
            (ra, rb) = (rb, ra);
        }

        if (Conflicts(ra, rb))
        {
            return UnionResult.Refused;
        }

        if (admits is not null && !admits(ra, rb))
        {
            return UnionResult.OverLimit;
        }

        parent[rb] = ra;
        members[ra].AddRange(members[rb]);
        members[rb] = [];
        if (forbidden[rb] is { } moving)
        {
            if (forbidden[ra] is { } held)
            {
                held.UnionWith(moving);
            }
            else
            {
                forbidden[ra] = moving;
            }

            forbidden[rb] = null;
        }

        return UnionResult.Joined;
    }

    /// <summary>The members of the set whose root is <paramref name="root"/>.</summary>
    public IReadOnlyList<int> MembersOf(int root) => members[Find(root)];

    private bool Conflicts(int large, int small)
    {
        if (forbidden[large] is { } largeForbids)
        {
            foreach (var member in members[small])
            {
                if (largeForbids.Contains(member))
                {
                    return true;
                }
            }
        }

        if (forbidden[small] is { } smallForbids)
        {
            foreach (var other in smallForbids)
            {
                if (Find(other) == large)
                {
                    return true;
                }
            }
        }

        return false;
    }
}

/// <summary>What a union did.</summary>
public enum UnionResult
{
    Joined,
    AlreadyJoined,
    /// <summary>Held apart by a do-not-link constraint.</summary>
    Refused,

    /// <summary>Held apart by the caller's check (an identity-graph limit).</summary>
    OverLimit,
}
