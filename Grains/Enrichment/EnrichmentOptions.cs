namespace Cdm.Grains.Enrichment;

/// <summary>
/// Whether attributes are derived at ingest (configuration section <c>Cdm:Enrichment</c>). Turning it off stops
/// new record versions from getting derived attributes; versions already stored keep theirs. The rule that role and
/// disposable email addresses never link is an identity rule of normalisation and holds either way.
/// </summary>
public sealed class EnrichmentOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Cdm:Enrichment";

    /// <summary>Whether record versions get derived attributes at ingest (default true).</summary>
    public bool Enabled { get; set; } = true;
}
