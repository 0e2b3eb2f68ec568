namespace Cdm.Gateway;

/// <summary>Gateway settings (configuration section <c>Cdm:Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>Records of one <c>IngestStream</c> in flight at once; the stream stops reading beyond it.</summary>
    public int StreamWindow { get; set; } = 256;
}
