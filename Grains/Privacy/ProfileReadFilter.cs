using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Privacy;

/// <summary>
/// Cuts a profile down to what one read may see (<see cref="ReadGrant"/>): golden values, identifiers and the
/// attributes of every member version whose class is not granted are left out and named in the view's withheld
/// list, and identifier values quoted in link reasons are masked. Source keys, times and merge ids stay: they say
/// where data came from, not what it is.
/// </summary>
public sealed partial class ProfileReadFilter(ReadPolicy policy)
{
    /// <summary>What replaces a withheld identifier value in a reason.</summary>
    public const string Mask = "(withheld)";

    public ProfileView Apply(ProfileView view, ReadGrant grant)
    {
        if (grant.SeesAll)
        {
            return view with { Purpose = grant.Purpose, Withheld = [] };
        }

        var withheld = new Dictionary<(string, bool), WithheldValue>();
        var maskedKeys = new HashSet<string>(StringComparer.Ordinal);
        var golden = view.Golden.Where(g => Sees(grant, g.Attribute, withheld)).ToImmutableArray();
        var identifierKeys = view.IdentifierKeys.Where(k => SeesIdentifier(grant, k, withheld, maskedKeys)).ToImmutableArray();
        var members = view.Members.Select(m => m with
            {
                Current = Cut(m.Current, grant, withheld, maskedKeys),
                Versions = [.. m.Versions.Select(v => Cut(v, grant, withheld, maskedKeys))],
            })
            .ToImmutableArray();
        // Reasons are masked once every withheld key is known, the keys of all versions included.
        members = [.. members.Select(m => m with { LinkReason = MaskReason(m.LinkReason, grant, maskedKeys) })];
        return view with
        {
            Golden = golden,
            IdentifierKeys = identifierKeys,
            Members = members,
            Purpose = grant.Purpose,
            Withheld = [.. withheld.Values.OrderBy(static w => w.Identifier).ThenBy(static w => w.Attribute, StringComparer.Ordinal)],
        };
    }

    /// <summary>A history, its reasons masked where they quote identifiers the read may not see.</summary>
    public ImmutableArray<HistoryEntry> Apply(ImmutableArray<HistoryEntry> history, ReadGrant grant) =>
        grant.SeesAll ? history : [.. history.Select(e => e with { Reason = MaskReason(e.Reason, grant, []) })];

    private RecordVersion Cut(RecordVersion version, ReadGrant grant, Dictionary<(string, bool), WithheldValue> withheld, HashSet<string> maskedKeys) => version with
    {
        Attributes = Keep(version.Attributes, grant, withheld),
        DerivedAttributes = Keep(version.DerivedAttributes, grant, withheld),
        Identifiers = [.. version.Identifiers.Where(i => SeesIdentifier(grant, i.Key, withheld, maskedKeys))],
    };

    private ImmutableSortedDictionary<string, string> Keep(
        ImmutableSortedDictionary<string, string> attributes, ReadGrant grant, Dictionary<(string, bool), WithheldValue> withheld)
    {
        var kept = attributes;
        foreach (var name in attributes.Keys)
        {
            if (!Sees(grant, name, withheld))
            {
                kept = kept.Remove(name);
            }
        }

        return kept;
    }

    private bool Sees(ReadGrant grant, string attribute, Dictionary<(string, bool), WithheldValue> withheld)
    {
        var cls = policy.ClassOf(attribute);
        if (grant.ReasonFor(cls) is not { } reason)
        {
            return true;
        }

        withheld.TryAdd((attribute, false), new WithheldValue(attribute, cls, reason, Identifier: false));
        return false;
    }

    private bool SeesIdentifier(ReadGrant grant, string key, Dictionary<(string, bool), WithheldValue> withheld, HashSet<string> maskedKeys)
    {
        var type = TypeOf(key);
        var cls = policy.ClassOfIdentifier(type);
        if (grant.ReasonFor(cls) is not { } reason)
        {
            return true;
        }

        withheld.TryAdd((type, true), new WithheldValue(type, cls, reason, Identifier: true));
        maskedKeys.Add(key);
        return false;
    }

    /// <summary>
    /// Masks the values of withheld identifiers in a reason: first the keys known to be withheld (exact, whatever they
    /// contain), then any other <c>identifier type:value</c> of a withheld type, up to the next space.
    /// </summary>
    private string MaskReason(string reason, ReadGrant grant, HashSet<string> maskedKeys)
    {
        foreach (var key in maskedKeys)
        {
            if (reason.Contains(key, StringComparison.Ordinal))
            {
                reason = reason.Replace(key, TypeOf(key) + ":" + Mask, StringComparison.Ordinal);
            }
        }

        return QuotedIdentifier().Replace(reason, m =>
            m.Groups["value"].Value == Mask || grant.ReasonFor(policy.ClassOfIdentifier(m.Groups["type"].Value)) is null
                ? m.Value
                : $"identifier {m.Groups["type"].Value}:{Mask}");
    }

    private static string TypeOf(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? key : key[..colon];
    }

    [GeneratedRegex(@"identifier (?<type>[a-z][a-z0-9_]*):(?<value>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedIdentifier();
}
