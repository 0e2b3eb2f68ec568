namespace Cdm.Contracts.Privacy;

/// <summary>
/// One erasure (right to be forgotten), a durable saga keyed by its erasure id (<see cref="ErasureIds"/>). Every step
/// is idempotent and the grain keeps a reminder until the last one is done, so a crash at any point is finished later.
/// </summary>
[Alias("cdm.IErasureGrain")]
public interface IErasureGrain : IGrainWithStringKey
{
    /// <summary>
    /// Erases the active profile <paramref name="profileId"/> and everything merged into it, and returns the receipt once
    /// every step is done. When the profile is already being erased (or was) by another erasure, that one is finished and
    /// its receipt returned. Null when the profile holds nothing.
    /// </summary>
    Task<ErasureReceipt?> EraseAsync(string profileId, string requestedBy);

    /// <summary>Finishes this erasure if it was started and not completed; its receipt, or null when there is no such erasure.</summary>
    Task<ErasureReceipt?> ResumeAsync();

    /// <summary>The receipt as it stands, or null when there is no such erasure.</summary>
    Task<ErasureReceipt?> GetReceiptAsync();
}

/// <summary>The ids of erasures: <c>er_</c> and 24 lower-case hex digits.</summary>
public static class ErasureIds
{
    public const string Prefix = "er_";

    public static string New() => Prefix + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));

    public static bool IsValid(string? id) =>
        id is { Length: 27 } && id.StartsWith(Prefix, StringComparison.Ordinal) && !id.AsSpan(3).ContainsAnyExcept("0123456789abcdef");
}
