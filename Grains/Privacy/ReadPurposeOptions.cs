namespace Cdm.Grains.Privacy;

/// <summary>What one read purpose may see (<c>Cdm:Privacy:Purposes:&lt;purpose&gt;</c>).</summary>
public sealed class ReadPurposeOptions
{
    /// <summary>The attribute classes the purpose sees; <c>*</c> for all.</summary>
    public List<string> Classes { get; set; } = [];

    /// <summary>
    /// The consent purpose whose grant the read needs. Unset means the purpose itself when it is a consent purpose, so
    /// configuring a consent purpose's classes never drops its consent; <c>none</c> reads on another lawful basis.
    /// </summary>
    public string? Consent { get; set; }

    /// <summary>The value of <see cref="Consent"/> that needs no consent.</summary>
    public const string NoConsent = "none";
}
