namespace Cdm.Grains.Identity;

/// <summary>Stored state of an identifier grain: the profile that owns the identifier.</summary>
[Alias("cdm.IdentifierState")]
public sealed class IdentifierState
{
    public string? Owner { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }
}
