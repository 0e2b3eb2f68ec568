using System.Collections.Immutable;
using Cdm.Contracts.Consent;
using Cdm.Contracts.Records;

namespace Cdm.Contracts.Profiles;

/// <summary>
/// One unified profile: member source records (every version kept), identifiers, golden record,
/// merge history and status (Active, Merging(to), MergedInto(to), Erasing, Erased). Key: a stable profile id derived
/// from the first source key. Profile grains never call other profiles (retention calls only leaf grains: identifiers, blocks).
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

    /// <summary>
    /// Saga step 2 on the survivor: absorb a loser's snapshot (idempotent); redirects when not active; answers
    /// <c>Rejected</c> (and changes nothing) when a do-not-link constraint forbids the two to become one.
    /// </summary>
    Task<ProfileWriteResult> AbsorbAsync(MergeSnapshot loser, string reason);

    /// <summary>Undoes saga step 1 after the survivor refused: a profile merging into <paramref name="target"/> is active again.</summary>
    Task CancelMergeAsync(string target, string reason);

    /// <summary>Forbids the member <paramref name="memberKey"/> to share a profile with <paramref name="otherKey"/>; redirects like <see cref="AddRecordAsync"/>; <c>Unchanged</c> when the member is not held here.</summary>
    Task<ProfileWriteResult> AddDoNotLinkAsync(string memberKey, string otherKey);

    /// <summary>The plan to split <paramref name="sourceKeys"/> out; null when not active, any is not held, or none would stay.</summary>
    Task<SplitPlan?> PlanSplitAsync(ImmutableArray<string> sourceKeys);

    /// <summary>Split step 1 on the new profile: takes in the moving members (idempotent); redirects when not active.</summary>
    Task<ProfileWriteResult> AddSplitMembersAsync(ImmutableArray<MemberSnapshot> members, string from, string reason);

    /// <summary>Split step 3 on the old profile: lets the members go (idempotent); redirects when not active.</summary>
    Task<ProfileWriteResult> RemoveSplitMembersAsync(ImmutableArray<string> sourceKeys, string to, ImmutableArray<string> movedIdentifierKeys, bool doNotLink, string reason);

    /// <summary>Why each member is here and the merges, refusals and splits of the profile; null when not active or empty.</summary>
    Task<ProfileExplanation?> ExplainAsync();

    /// <summary>The current version of a member record, or null when it is not held here (or the profile is not active).</summary>
    Task<RecordVersion?> GetMemberAsync(string sourceKey);

    /// <summary>Every version of a member record, oldest first; empty when it is not held here.</summary>
    Task<ImmutableArray<RecordVersion>> GetMemberVersionsAsync(string sourceKey);

    /// <summary>The members and their do-not-link keys (empty when not active).</summary>
    Task<LinkFacts> GetLinkFactsAsync();

    /// <summary>Saga step 4 on the loser: become <c>MergedInto(target)</c> and drop the content the survivor now holds.</summary>
    Task CompleteMergeAsync(string target);

    /// <summary>
    /// The profile as <paramref name="purpose"/> may see it under the person's consent now, or null when it holds nothing
    /// or is not active. An unknown purpose is refused.
    /// </summary>
    Task<ProfileView?> GetViewAsync(bool includeVersions, string purpose);

    /// <summary>
    /// Records a consent statement (idempotent); redirects like <see cref="AddRecordAsync"/>; <c>Rejected</c> when the
    /// profile holds nothing, <c>Unchanged</c> when the statement was held already.
    /// </summary>
    Task<ProfileWriteResult> RecordConsentAsync(ConsentStatement statement);

    /// <summary>Every consent statement held, or null when the profile is not active or holds nothing.</summary>
    Task<ImmutableArray<ConsentStatement>?> GetConsentAsync();

    /// <summary>The ids of the profiles merged into this one (nothing personal, no audit line); empty when not active.</summary>
    Task<ImmutableArray<string>> GetMergedProfileIdsAsync();

    /// <summary>
    /// Erasure step 1: closes the profile for <paramref name="erasureId"/> (it takes no change and answers no read from now
    /// on) and hands over what the saga must find elsewhere. See <see cref="BeginErasureResult"/> for the other answers.
    /// </summary>
    Task<BeginErasureResult> BeginErasureAsync(string erasureId);

    /// <summary>
    /// Last erasure step: the profile being erased by <paramref name="erasureId"/>, or one merged into it, becomes a
    /// tombstone without personal data (idempotent). False when the profile is in neither state.
    /// </summary>
    Task<bool> CompleteErasureAsync(string erasureId);

    /// <summary>Removes the mentions of <paramref name="erasedKeys"/> (records of a person erased elsewhere); redirects like <see cref="AddRecordAsync"/>.</summary>
    Task<ProfileWriteResult> ForgetErasedKeysAsync(ImmutableArray<string> erasedKeys);

    /// <summary>The history of this profile, oldest first, its reasons masked where they quote what <paramref name="purpose"/> may not see.</summary>
    Task<ImmutableArray<HistoryEntry>> GetHistoryAsync(string purpose);
}
