using System.Collections.Immutable;
using Cdm.Contracts.Consent;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;

namespace Cdm.Contracts.Ingestion;

/// <summary>
/// Runs ingests and lookups: validates and normalises a record, claims its identifiers, decides which
/// profile it belongs to and drives the merges that follows from it. Stateless; profile grains never
/// call each other, this grain coordinates them, so there is no call cycle.
/// </summary>
[Alias("cdm.IResolverGrain")]
public interface IResolverGrain : IGrainWithIntegerKey
{
    /// <summary>Ingests one record. Idempotent: the same version again reports <see cref="IngestStatus.Unchanged"/>.</summary>
    Task<IngestOutcome> IngestAsync(IncomingRecord record);

    /// <summary>Removes a source record from the profile that holds it.</summary>
    Task<DeleteOutcome> DeleteAsync(string source, string recordId);

    /// <summary>Finds a profile by id, identifier or source key, following merges, as <paramref name="purpose"/> may see it; null when none holds it.</summary>
    Task<ProfileView?> GetProfileAsync(ProfileLookup lookup, bool includeVersions, string purpose);

    /// <summary>
    /// The active profile a lookup finds (following merges) and the profiles merged into it, without reading its
    /// content; empty when none holds it. For the audit log, whose lines name those ids.
    /// </summary>
    Task<ImmutableArray<string>> FindProfileIdsAsync(ProfileLookup lookup);

    /// <summary>The history of a profile (following merges) as <paramref name="purpose"/> may see it; null when there is no such profile.</summary>
    Task<ProfileHistoryView?> GetHistoryAsync(string profileId, string purpose);

    /// <summary>Records a consent statement on the profile a lookup finds (following merges); null when none holds it.</summary>
    Task<ProfileConsentView?> RecordConsentAsync(ProfileLookup lookup, ConsentStatement statement);

    /// <summary>The consent statements of the profile a lookup finds (following merges); null when none holds it.</summary>
    Task<ProfileConsentView?> GetConsentAsync(ProfileLookup lookup);

    /// <summary>
    /// Erases the person a lookup finds (following merges) with everything merged into it, and returns the receipt once done;
    /// asked again, returns the same erasure's receipt. Null when no profile holds the lookup and no erasure suppressed it.
    /// </summary>
    Task<ErasureReceipt?> EraseAsync(ProfileLookup lookup);

    /// <summary>Finishes a merge saga that was started and not completed (after a crash or a lost call).</summary>
    Task ResumeMergeAsync(PendingMerge merge);
}
