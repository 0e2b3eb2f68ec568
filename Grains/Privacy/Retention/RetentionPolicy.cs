using System.Collections.Immutable;
using System.Globalization;
using Cdm.Contracts.Records;
using Cdm.Grains.Enrichment;

namespace Cdm.Grains.Privacy.Retention;

/// <summary>
/// Applies the retention periods (<see cref="RetentionOptions"/>) to record versions: pure, so the profile grain and
/// the tests use the same rules. A period runs from the version's <see cref="RecordVersion.ReceivedAt"/>: retention
/// limits how long the service keeps what it was given, whenever the source observed it.
/// </summary>
public sealed class RetentionPolicy
{
    private readonly RetentionOptions options;

    public RetentionPolicy(RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
    }

    /// <summary>No period is configured: nothing ever expires and the profile keeps no reminder.</summary>
    public bool IsEmpty => options.Attributes.Count == 0 && options.Sources.Count == 0;

    /// <summary>What is wrong with the configuration, one line per problem; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems() =>
    [
        .. options.Attributes.Where(static p => p.Value <= TimeSpan.Zero).Select(static p => $"Cdm:Retention:Attributes:{p.Key} must be a positive period (d.hh:mm:ss), not {p.Value}"),
        .. options.Sources.Where(static p => p.Value <= TimeSpan.Zero).Select(static p => $"Cdm:Retention:Sources:{p.Key} must be a positive period (d.hh:mm:ss), not {p.Value}"),
    ];

    /// <summary>When the first value of <paramref name="versions"/> still held expires; null when none ever does.</summary>
    public DateTimeOffset? NextExpiry(IEnumerable<RecordVersion> versions)
    {
        DateTimeOffset? next = null;
        foreach (var version in versions)
        {
            if (options.Sources.TryGetValue(version.Source, out var sourcePeriod))
            {
                next = Min(next, version.ReceivedAt + sourcePeriod);
            }

            foreach (var (name, period) in options.Attributes)
            {
                if (Holds(version, name))
                {
                    next = Min(next, version.ReceivedAt + period);
                }
            }
        }

        return next;
    }

    /// <summary>
    /// The version as it may be kept at <paramref name="now"/>: unchanged, without the attributes (and the identifiers and
    /// derived attributes that come from them) whose period is over, or null when its source's period is over.
    /// </summary>
    public RetainedVersion Apply(RecordVersion version, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (options.Sources.TryGetValue(version.Source, out var sourcePeriod) && version.ReceivedAt + sourcePeriod <= now)
        {
            return new RetainedVersion(null, [], $"source {version.Source} keeps records {Describe(sourcePeriod)}");
        }

        var expired = options.Attributes
            .Where(p => version.ReceivedAt + p.Value <= now && Holds(version, p.Key))
            .Select(static p => p.Key)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray();
        if (expired.IsEmpty)
        {
            return new RetainedVersion(version, [], null);
        }

        var kept = version with
        {
            Attributes = version.Attributes.RemoveRange(expired),
            Identifiers = [.. version.Identifiers.Where(i => !expired.Contains(i.Type))],
            DerivedAttributes = version.DerivedAttributes.RemoveRange(
                version.DerivedAttributes.Keys.Where(d => DerivedAttributeNames.SourceAttributeOf(d) is { } from && expired.Contains(from))),
            // No longer the content received: the same content sent again is new, and is kept for a new period.
            ContentHash = version.ContentHash + "~retained",
        };
        var why = string.Join(", ", expired.Select(name => $"{name} kept {Describe(options.Attributes[name])}"));
        return new RetainedVersion(kept, expired, why);
    }

    private static bool Holds(RecordVersion version, string name) =>
        version.Attributes.ContainsKey(name) || version.Identifiers.Any(i => i.Type == name);

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is { } held && held <= b ? held : b;

    private static string Describe(TimeSpan period) => period.TotalDays >= 1 && period.Ticks % TimeSpan.TicksPerDay == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{period.TotalDays:0} days")
        : string.Create(CultureInfo.InvariantCulture, $"{period}");
}

/// <summary>
/// A version after retention: <see cref="Version"/> is what may be kept (null: nothing), <see cref="ExpiredAttributes"/>
/// what left it, and <see cref="Reason"/> why (null when nothing changed).
/// </summary>
public sealed record RetainedVersion(RecordVersion? Version, ImmutableArray<string> ExpiredAttributes, string? Reason);
