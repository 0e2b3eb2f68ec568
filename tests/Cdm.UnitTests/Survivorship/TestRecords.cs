using System.Collections.Immutable;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Grains.Survivorship;

namespace Cdm.UnitTests.Survivorship;

/// <summary>Record versions, sources and builders for survivorship tests.</summary>
internal static class TestRecords
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Day(int day) => Start.AddDays(day);

    /// <summary>
    /// A version observed on <paramref name="observedDay"/>. It arrives in the opposite order (the older
    /// observation is received later), so a rule that used arrival time instead would fail.
    /// </summary>
    public static RecordVersion Version(string source, string recordId, int observedDay, params (string Attribute, string Value)[] attributes) =>
        new(
            source,
            recordId,
            Day(observedDay),
            Day(1000 - observedDay),
            attributes.ToImmutableSortedDictionary(pair => pair.Attribute, pair => pair.Value, StringComparer.Ordinal),
            [],
            [],
            $"{source}:{recordId}:{observedDay}:{string.Join('|', attributes)}");

    public static RecordVersion Flagged(this RecordVersion version, params string[] attributes) =>
        version with { QualityFlags = [.. attributes.Select(attribute => new QualityFlag(attribute, "invalid_format"))] };

    /// <summary>crm (first, 5), shop (first, 3), partner (second, 3), broker (third, 3), prefs (zero, 3); anything else is unknown.</summary>
    public static SourceRegistry Sources()
    {
        var options = new SourceRegistryOptions();
        options.Sources["crm"] = new SourceOptions { Party = SourceParty.First, TrustRank = 5 };
        options.Sources["shop"] = new SourceOptions { Party = SourceParty.First, TrustRank = 3 };
        options.Sources["partner"] = new SourceOptions { Party = SourceParty.Second, TrustRank = 3 };
        options.Sources["broker"] = new SourceOptions { Party = SourceParty.Third, TrustRank = 3 };
        options.Sources["prefs"] = new SourceOptions { Party = SourceParty.Zero, TrustRank = 3 };
        return new SourceRegistry(options);
    }

    public static GoldenRecordBuilder Builder(Action<SurvivorshipOptions>? configure = null)
    {
        var options = new SurvivorshipOptions();
        configure?.Invoke(options);
        return new GoldenRecordBuilder(options, Sources());
    }

    public static GoldenRecordBuilder Builder(string attribute, SurvivorshipRule rule) =>
        Builder(options => options.Attributes[attribute] = rule);

    public static GoldenValue Single(ImmutableArray<GoldenValue> record, string attribute)
    {
        var matches = record.Where(value => value.Attribute == attribute).ToList();
        Assert.True(matches.Count == 1, $"expected one golden value for '{attribute}', found {matches.Count} in [{string.Join(", ", record.Select(value => value.Attribute))}]");
        return matches[0];
    }
}
