namespace Cdm.Gateway;

/// <summary>Gateway settings (configuration section <c>Cdm:Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>Records of one <c>IngestStream</c> in flight at once; the stream stops reading beyond it.</summary>
    public int StreamWindow { get; set; } = 256;

    /// <summary>Tries of a grain call that fails for a transient reason (a silo lost, a timeout), the first included.</summary>
    public int RetryAttempts { get; set; } = 8;

    /// <summary>Wait before the first retry; it doubles up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryFirstDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);
}
