namespace Cdm.Grains.Privacy.Erasure;

/// <summary>Stored state of the suppression list: the hashing secret and the entries, in the order they were added.</summary>
[Alias("cdm.SuppressionListState")]
public sealed class SuppressionListState
{
    /// <summary>The cluster's hashing secret, base64; made once, on the first use.</summary>
    public string? Secret { get; set; }

    public List<SuppressionEntry> Entries { get; set; } = [];
}

/// <summary>One suppressed key's hash and the erasure that suppressed it (for a repeated request to find its receipt).</summary>
public sealed record SuppressionEntry(string Hash, string ErasureId);
