namespace Cdm.Grains.Survivorship;

/// <summary>Configuration of one source, bound from <c>Cdm:Sources:&lt;name&gt;:Party</c> and <c>:TrustRank</c>.</summary>
public sealed class SourceOptions
{
    /// <summary>Whose data the source carries; <see cref="SourceParty.First"/> unless configured.</summary>
    public SourceParty Party { get; set; } = SourceParty.First;

    /// <summary>Higher is more trusted; 0 unless configured.</summary>
    public int TrustRank { get; set; }
}
