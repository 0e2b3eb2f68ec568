using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Identity;

/// <summary>
/// Decides which of a record's links can hold together (pure). Keys are taken in priority order: the record's own
/// source key (its profile, if it has one), its identifiers by rule priority, then its probabilistic matches. A
/// profile joins the group when no do-not-link constraint and no identifier limit forbids it, else it is left out;
/// an unowned identifier that would break a limit of the group is dropped (it does not link). Both are conflicts
/// for review, instead of two people collapsed into one.
/// </summary>
public sealed class LinkPlanner(IdentityGraphOptions options)
{
    /// <summary>The type of an identifier key (<c>type:value</c>).</summary>
    public static string TypeOf(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? key : key[..colon];
    }

    /// <summary>The priority of an identifier key.</summary>
    public int PriorityOf(string key) => options.Identifiers.TryGetValue(TypeOf(key), out var rule) ? rule.Priority : options.DefaultPriority;

    /// <summary>Whether an identifier of this key's type is limited.</summary>
    public bool IsLimited(string key) => options.Enabled && options.Identifiers.TryGetValue(TypeOf(key), out var rule) && rule.MaxPerProfile > 0;

    /// <summary>
    /// The plan for <paramref name="keys"/> (already in priority order), given the link facts of every profile with
    /// content that a key reaches.
    /// </summary>
    public LinkPlan Plan(IReadOnlyList<PlannedKey> keys, IReadOnlyDictionary<string, LinkFacts> facts)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(facts);
        var group = new Group();
        var joined = new HashSet<string>(StringComparer.Ordinal);
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        var dropped = new List<string>();
        foreach (var key in keys)
        {
            if (key.Profile is { } profile && facts.TryGetValue(profile, out var profileFacts))
            {
                if (joined.Contains(profile) || excluded.Contains(profile))
                {
                    continue;
                }

                if (group.Admits(profileFacts, MaxOf))
                {
                    group.Add(profileFacts);
                    joined.Add(profile);
                }
                else
                {
                    excluded.Add(profile);
                }
            }
            else if (key.IsIdentifier && key.Profile is null)
            {
                if (group.AdmitsIdentifier(key.Key, MaxOf))
                {
                    group.AddIdentifier(key.Key);
                }
                else
                {
                    dropped.Add(key.Key);
                }
            }
        }

        return new LinkPlan(excluded, dropped);
    }

    /// <summary>The limit of an identifier type (<see cref="int.MaxValue"/>: none).</summary>
    public int MaxOf(string type) =>
        options.Enabled && options.Identifiers.TryGetValue(type, out var rule) && rule.MaxPerProfile > 0 ? rule.MaxPerProfile : int.MaxValue;

    /// <summary>The profiles and identifiers gathered so far.</summary>
    private sealed class Group
    {
        private readonly HashSet<string> members = new(StringComparer.Ordinal);
        private readonly HashSet<string> doNotLink = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> identifiers = new(StringComparer.Ordinal);

        public bool Admits(LinkFacts facts, Func<string, int> maxOf)
        {
            if (facts.Members.Any(doNotLink.Contains) || facts.DoNotLink.Any(members.Contains))
            {
                return false;
            }

            foreach (var byType in facts.IdentifierKeys.GroupBy(TypeOf))
            {
                var max = maxOf(byType.Key);
                if (max == int.MaxValue)
                {
                    continue;
                }

                // Only a union larger than both sides is new: a profile already over its limit may still take
                // records that add nothing, and the group's first profile is always admitted.
                var incoming = byType.ToHashSet(StringComparer.Ordinal);
                var heldCount = identifiers.TryGetValue(byType.Key, out var held) ? held.Count : 0;
                var union = heldCount + (held is null ? incoming.Count : incoming.Count(k => !held.Contains(k)));
                if (union > max && union > heldCount && union > incoming.Count)
                {
                    return false;
                }
            }

            return true;
        }

        public bool AdmitsIdentifier(string key, Func<string, int> maxOf)
        {
            var held = identifiers.GetValueOrDefault(TypeOf(key));
            return held is null || held.Contains(key) || held.Count < maxOf(TypeOf(key));
        }

        public void Add(LinkFacts facts)
        {
            members.UnionWith(facts.Members);
            doNotLink.UnionWith(facts.DoNotLink);
            foreach (var key in facts.IdentifierKeys)
            {
                AddIdentifier(key);
            }
        }

        public void AddIdentifier(string key)
        {
            var type = TypeOf(key);
            if (!identifiers.TryGetValue(type, out var held))
            {
                identifiers[type] = held = new HashSet<string>(StringComparer.Ordinal);
            }

            held.Add(key);
        }
    }
}

/// <summary>One key of a record in plan order: the profile with content it leads to (null when unowned or empty).</summary>
public readonly record struct PlannedKey(string Key, string? Profile, bool IsIdentifier);

/// <summary>Profiles left out of the record's links, and unowned identifiers that must not be claimed.</summary>
public sealed record LinkPlan(IReadOnlySet<string> Excluded, IReadOnlyList<string> Dropped)
{
    public static LinkPlan None { get; } = new(new HashSet<string>(), []);

    /// <summary>The quality flag of an identifier a limit kept from linking.</summary>
    public static QualityFlag DroppedFlag(string key, int max) =>
        new("identifiers." + LinkPlanner.TypeOf(key), $"not linked: the profile already holds {max} identifiers of this type");
}
