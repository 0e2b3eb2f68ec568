namespace Cdm.Grains.Survivorship;

/// <summary>
/// The known sources and what an unknown source is taken to be. <see cref="Sources"/> binds from the
/// <see cref="SectionName"/> section: <c>Cdm:Sources:&lt;name&gt;:Party</c> and <c>:TrustRank</c>.
/// </summary>
public sealed class SourceRegistryOptions
{
    /// <summary>The configuration section that holds one subsection per source.</summary>
    public const string SectionName = "Cdm:Sources";

    /// <summary>Sources by name. Configuration keys are case-insensitive, so source names are too.</summary>
    public Dictionary<string, SourceOptions> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The party of a source that is not configured.</summary>
    public SourceParty DefaultParty { get; set; } = SourceParty.First;

    /// <summary>The trust rank of a source that is not configured.</summary>
    public int DefaultTrustRank { get; set; }
}
