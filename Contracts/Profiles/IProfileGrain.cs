using System.Collections.Immutable;
using Cdm.Contracts.Records;

namespace Cdm.Contracts.Profiles;

/// <summary>
/// One unified profile: member source records (every version kept), identifiers, golden record,
/// merge history and status (Active, Merging(to), MergedInto(to)). Key: a stable profile id derived
/// from the first source key. Profile grains never call other grains.
/// </summary>
[Alias("cdm.IProfileGrain")]
public interface IProfileGrain : IGrainWithStringKey
{
    /// <summary>Adds a record version (idempotent); redirects when this profile is merging or merged.</summary>
    Task<ProfileWriteResult> AddRecordAsync(RecordVersion version, string linkReason);

    /// <summary>Removes a source record; redirects like <see cref="AddRecordAsync"/>. Unchanged when not held.</summary>
    Task<ProfileWriteResult> RemoveRecordAsync(string sourceKey);

    /// <summary>Where calls for this profile go.</summary>
    Task<ProfileRoute> GetRouteAsync();

    /// <summary>Saga step 1: persist <c>Merging(target)</c> (unless already merging) and return the frozen content.</summary>
    Task<BeginMergeResult> BeginMergeAsync(string target, string reason);

    /// <summary>
    /// Turns a profile that never held anything into a forward to <paramref name="target"/> (any id): a
    /// candidate id that lost a race for an identifier is retired this way instead of by a merge. False when
    /// the profile holds (or held) content or is not active; then it must be merged like any other.
    /// </summary>
    Task<bool> SealAsync(string target);

    /// <summary>Saga step 2 on the survivor: absorb a loser's snapshot (idempotent); redirects when not active.</summary>
    Task<ProfileWriteResult> AbsorbAsync(MergeSnapshot loser, string reason);

    /// <summary>Saga step 4 on the loser: become <c>MergedInto(target)</c> and drop the content the survivor now holds.</summary>
    Task CompleteMergeAsync(string target);

    /// <summary>The profile as read, or null when it holds nothing or is not active.</summary>
    Task<ProfileView?> GetViewAsync(bool includeVersions);

    /// <summary>The history of this profile, oldest first.</summary>
    Task<ImmutableArray<HistoryEntry>> GetHistoryAsync();
}
