namespace Cdm.Grains.Survivorship;

/// <summary>Configuration of one source, bound from <c>Cdm:Sources:&lt;name&gt;</c>: party, trust rank and schema.</summary>
public sealed class SourceOptions
{
    /// <summary>Whose data the source carries; <see cref="SourceParty.First"/> unless configured.</summary>
    public SourceParty Party { get; set; } = SourceParty.First;

    /// <summary>Higher is more trusted; 0 unless configured.</summary>
    public int TrustRank { get; set; }

    /// <summary>The attributes the source may send (its schema); none listed: any.</summary>
    public List<string> Attributes { get; set; } = [];

    /// <summary>The external identifier types the source may send; none listed: any.</summary>
    public List<string> Identifiers { get; set; } = [];

    /// <summary>What happens to anything else the source sends: dropped (default) or the record refused.</summary>
    public Privacy.UnlistedPolicy Unlisted { get; set; } = Privacy.UnlistedPolicy.Drop;
}
