using System.Collections.Immutable;

namespace Cdm.Contracts.Identity;

/// <summary>
/// Which profile owns one identifier. Key: <c>type:normalised-value</c> (long values hashed), or a source
/// key <c>src:&lt;source&gt;:&lt;record_id&gt;</c>. One grain per key, so each identifier has a single writer.
/// </summary>
[Alias("cdm.IIdentifierGrain")]
public interface IIdentifierGrain : IGrainWithStringKey
{
    /// <summary>The owning profile id, or null when no profile holds this identifier.</summary>
    Task<string?> GetOwnerAsync();

    /// <summary>Sets the owner when there is none; returns the owner either way.</summary>
    Task<string> ClaimAsync(string profileId);

    /// <summary>Compare-and-set: re-points the identifier to <paramref name="to"/> only if it points to <paramref name="from"/>.</summary>
    Task<bool> RepointAsync(string from, string to);

    /// <summary>
    /// Erasure: removes this identifier's stored row when no profile or one of <paramref name="erasedOwners"/> owns it;
    /// false (and nothing changes) when another profile does.
    /// </summary>
    Task<bool> ForgetAsync(ImmutableArray<string> erasedOwners);
}
