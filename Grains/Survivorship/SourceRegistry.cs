using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Cdm.Grains.Survivorship;

/// <summary>
/// Looks up sources by name (case-insensitive). A source that is not configured still ingests: it gets
/// the default party and trust rank rather than an error, so a new feed works before anyone ranks it.
/// Immutable once built and safe to share.
/// </summary>
public sealed class SourceRegistry
{
    private readonly FrozenDictionary<string, SourceDefinition> _sources;

    /// <summary>Builds the registry from its options; throws <see cref="ArgumentException"/> on an unknown party.</summary>
    public SourceRegistry(SourceRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        EnsureDefined(options.DefaultParty, nameof(options.DefaultParty));
        foreach (var (name, source) in options.Sources)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(options.Sources));
            ArgumentNullException.ThrowIfNull(source, nameof(options.Sources));
            EnsureDefined(source.Party, $"{SourceRegistryOptions.SectionName}:{name}:{nameof(SourceOptions.Party)}");
        }

        _sources = options.Sources.ToFrozenDictionary(
            pair => pair.Key,
            pair => new SourceDefinition(pair.Key, pair.Value.Party, pair.Value.TrustRank),
            StringComparer.OrdinalIgnoreCase);
        DefaultParty = options.DefaultParty;
        DefaultTrustRank = options.DefaultTrustRank;
    }

    /// <summary>The party given to a source that is not configured.</summary>
    public SourceParty DefaultParty { get; }

    /// <summary>The trust rank given to a source that is not configured.</summary>
    public int DefaultTrustRank { get; }

    /// <summary>The configured sources, in no particular order.</summary>
    public IReadOnlyCollection<SourceDefinition> Known => _sources.Values;

    /// <summary>Finds a configured source; false for a source that is not configured.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out SourceDefinition? definition) =>
        _sources.TryGetValue(name, out definition);

    /// <summary>The configured source, or a definition with the defaults when the source is not configured.</summary>
    public SourceDefinition Get(string name) =>
        _sources.TryGetValue(name, out var definition) ? definition : new SourceDefinition(name, DefaultParty, DefaultTrustRank);

    private static void EnsureDefined(SourceParty party, string setting)
    {
        if (!Enum.IsDefined(party))
        {
            throw new ArgumentException($"{setting} is {(int)party}, not a known source party.", setting);
        }
    }
}
