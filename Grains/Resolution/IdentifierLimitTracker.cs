using Cdm.Grains.Identity;

namespace Cdm.Grains.Resolution;

/// <summary>
/// The distinct identifiers of each limited type held by each set of a <see cref="ConstrainedUnionFind"/>, so the
/// re-resolution planner can refuse a union that would break an identity-graph limit, as ingest does
/// (<see cref="LinkPlanner"/>). A union is refused when, for some limited type, the merged set would hold more
/// distinct identifiers than the limit and more than either side held alone: a set already over its limit may
/// still take records that add nothing new. Types without a limit are not tracked.
/// </summary>
internal sealed class IdentifierLimitTracker
{
    private readonly LinkPlanner rules;
    private readonly Dictionary<string, HashSet<string>>?[] held;

    /// <summary>Tracks <paramref name="identifierKeys"/>[i], the identifier keys of record i.</summary>
    public IdentifierLimitTracker(LinkPlanner rules, IReadOnlyList<IEnumerable<string>> identifierKeys)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(identifierKeys);
        this.rules = rules;
        held = new Dictionary<string, HashSet<string>>?[identifierKeys.Count];
        for (var i = 0; i < held.Length; i++)
        {
            foreach (var key in identifierKeys[i])
            {
                if (!rules.IsLimited(key))
                {
                    continue;
                }

                var byType = held[i] ??= new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
                var type = LinkPlanner.TypeOf(key);
                if (!byType.TryGetValue(type, out var values))
                {
                    byType[type] = values = new HashSet<string>(StringComparer.Ordinal);
                }

                values.Add(key);
            }
        }
    }

    /// <summary>Whether the sets rooted at <paramref name="a"/> and <paramref name="b"/> may become one.</summary>
    public bool Admits(int a, int b)
    {
        if (held[a] is not { } left || held[b] is not { } right)
        {
            return true;
        }

        if (left.Count > right.Count)
        {
            (left, right) = (right, left);
        }

        // A type only one side holds cannot grow past what that side holds already.
        foreach (var (type, mine) in left)
        {
            if (!right.TryGetValue(type, out var theirs))
            {
                continue;
            }

            var (small, large) = mine.Count <= theirs.Count ? (mine, theirs) : (theirs, mine);

            var union = large.Count;
            foreach (var key in small)
            {
                if (!large.Contains(key))
                {
                    union++;
                }
            }

            if (union > rules.MaxOf(type) && union > small.Count && union > large.Count)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Records that the set rooted at <paramref name="absorbed"/> joined the one rooted at <paramref name="root"/>.</summary>
    public void Joined(int root, int absorbed)
    {
        if (root == absorbed || held[absorbed] is not { } moving)
        {
            return;
        }

        held[absorbed] = null;
        if (held[root] is not { } staying)
        {
            held[root] = moving;
            return;
        }

        foreach (var (type, values) in moving)
        {
            if (!staying.TryGetValue(type, out var kept))
            {
                staying[type] = values;
            }
            else if (kept.Count >= values.Count)
            {
                kept.UnionWith(values);
            }
            else
            {
                values.UnionWith(kept);
                staying[type] = values;
            }
        }
    }
}
