using System.Collections.Frozen;
using System.Collections.Immutable;
using Cdm.Grains.Normalisation;

namespace Cdm.Grains.Enrichment;

/// <summary>
/// Given-name variants from a table of <c>canonical: variant, variant, ...</c> lines (the shipped one is the
/// embedded <c>Enrichment/Data/nicknames.txt</c>, loaded once). Names are compared folded, as
/// <see cref="NameFolding.Fold"/> folds them, so <c>BILL</c>, <c>Bill</c> and <c>bill</c> are one name. The relation is
/// symmetric: <c>bill</c> gives the group of <c>william</c> and <c>william</c> gives <c>bill</c>. A nickname that belongs to
/// several canonical names (<c>al</c>: albert, alexander, alfred, alan) gives all of them. Immutable and thread-safe.
/// </summary>
public sealed class NameVariants
{
    private static readonly Lazy<NameVariants> ShippedTable = new(() => new NameVariants(EmbeddedList.Read("nicknames.txt")));

    // Canonical name to its group (itself and its variants), and every variant to the canonical names it belongs to.
    private readonly FrozenDictionary<string, ImmutableArray<string>> groups;
    private readonly FrozenDictionary<string, ImmutableArray<string>> canonicalsOfVariant;

    /// <summary>Builds a table from <c>canonical: variant, variant</c> lines; names are folded, blank entries skipped.</summary>
    /// <exception cref="FormatException">A line has no <c>:</c> or no canonical name.</exception>
    public NameVariants(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var groupSets = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var variantSets = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var canonical = colon < 0 ? string.Empty : NameFolding.Fold(line[..colon]);
            if (canonical.Length == 0)
            {
                throw new FormatException($"A nickname line needs 'canonical: variants', got '{line}'.");
            }

            var group = GetOrAdd(groupSets, canonical);
            group.Add(canonical);
            foreach (var entry in line[(colon + 1)..].Split(','))
            {
                var variant = NameFolding.Fold(entry);
                if (variant.Length > 0 && variant != canonical)
                {
                    group.Add(variant);
                    GetOrAdd(variantSets, variant).Add(canonical);
                }
            }
        }

        groups = groupSets.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
        canonicalsOfVariant = variantSets.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
    }

    /// <summary>The table the project ships.</summary>
    public static NameVariants Shipped => ShippedTable.Value;

    /// <summary>
    /// The canonical forms of <paramref name="name"/>, in ordinal order: the name itself when it is a canonical name
    /// in the table, otherwise every canonical name it is a variant of; empty when the table does not know it.
    /// </summary>
    public ImmutableArray<string> CanonicalsOf(string name)
    {
        var folded = NameFolding.Fold(name);
        if (groups.ContainsKey(folded))
        {
            return [folded];
        }

        return canonicalsOfVariant.TryGetValue(folded, out var canonicals) ? canonicals : [];
    }

    /// <summary>
    /// Every name <paramref name="name"/> may stand for or be written as, itself included, in ordinal order: the
    /// union of its own group (when it is canonical) and the groups of the canonical names it is a variant of.
    /// Empty when the table does not know the name.
    /// </summary>
    public ImmutableArray<string> VariantsOf(string name)
    {
        var folded = NameFolding.Fold(name);
        var result = new SortedSet<string>(StringComparer.Ordinal);
        if (groups.TryGetValue(folded, out var own))
        {
            result.UnionWith(own);
        }

        if (canonicalsOfVariant.TryGetValue(folded, out var canonicals))
        {
            foreach (var canonical in canonicals)
            {
                result.UnionWith(groups[canonical]);
            }
        }

        return [.. result];
    }

    /// <summary>Whether the two names are one, or share a canonical name (<c>bill</c> and <c>will</c>, <c>bill</c> and <c>william</c>).</summary>
    public bool AreVariants(string first, string second)
    {
        var a = NameFolding.Fold(first);
        var b = NameFolding.Fold(second);
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        return a == b || VariantsOf(a).Contains(b, StringComparer.Ordinal);
    }

    private static SortedSet<string> GetOrAdd(Dictionary<string, SortedSet<string>> sets, string key)
    {
        if (!sets.TryGetValue(key, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            sets[key] = set;
        }

        return set;
    }
}
