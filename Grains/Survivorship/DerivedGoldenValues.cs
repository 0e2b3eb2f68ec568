using System.Collections.Immutable;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Grains.Enrichment;

namespace Cdm.Grains.Survivorship;

/// <summary>
/// Adds derived attributes to a golden record. A derived value is not survived on its own: it follows the golden
/// value of the attribute it was derived from, so <c>phone_country</c> always describes the golden <c>phone</c>. It
/// comes from the version that golden value came from, with the same lineage marked as derived from that attribute.
/// An attribute a source sent under a derived name keeps the source's value.
/// </summary>
public static class DerivedGoldenValues
{
    /// <summary>
    /// <paramref name="golden"/> (sorted by attribute) with the derived values of its source attributes added, still
    /// sorted; <paramref name="golden"/> itself when the versions hold no derived attributes.
    /// </summary>
    public static ImmutableArray<GoldenValue> AddTo(ImmutableArray<GoldenValue> golden, IReadOnlyCollection<RecordVersion> currentVersions)
    {
        ArgumentNullException.ThrowIfNull(currentVersions);
        if (golden.IsDefaultOrEmpty || !currentVersions.Any(static v => v.DerivedAttributes is { Count: > 0 }))
        {
            return golden;
        }

        List<GoldenValue>? added = null;
        foreach (var value in golden)
        {
            if (value.Lineage.IsDerived || Origin(value, currentVersions) is not { } version)
            {
                continue;
            }

            foreach (var (name, derived) in version.DerivedAttributes)
            {
                if (DerivedAttributeNames.SourceAttributeOf(name) == value.Attribute && !Contains(golden, name))
                {
                    (added ??= []).Add(new GoldenValue(name, derived, value.Lineage with { DerivedFrom = value.Attribute }));
                }
            }
        }

        if (added is null)
        {
            return golden;
        }

        added.AddRange(golden);
        added.Sort(static (a, b) => string.CompareOrdinal(a.Attribute, b.Attribute));
        return [.. added];
    }

    /// <summary>The version a golden value came from, when it holds derived attributes and still has that value.</summary>
    private static RecordVersion? Origin(GoldenValue value, IReadOnlyCollection<RecordVersion> versions)
    {
        foreach (var version in versions)
        {
            if (version.DerivedAttributes is { Count: > 0 }
                && version.RecordId == value.Lineage.RecordId
                && version.Source == value.Lineage.Source
                && version.Attributes.TryGetValue(value.Attribute, out var held)
                && held == value.Value)
            {
                return version;
            }
        }

        return null;
    }

    private static bool Contains(ImmutableArray<GoldenValue> golden, string attribute)
    {
        foreach (var value in golden)
        {
            if (value.Attribute == attribute)
            {
                return true;
            }
        }

        return false;
    }
}
