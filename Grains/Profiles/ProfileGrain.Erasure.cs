using System.Collections.Immutable;
using Cdm.Contracts.Audit;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;

namespace Cdm.Grains.Profiles;

/// <summary>The profile's part in an erasure saga (<see cref="Cdm.Contracts.Privacy.IErasureGrain"/>).</summary>
public sealed partial class ProfileGrain
{
    public async Task<BeginErasureResult> BeginErasureAsync(string erasureId)
    {
        ArgumentException.ThrowIfNullOrEmpty(erasureId);
        var id = this.GetPrimaryKeyString();
        switch (Profile.Status)
        {
            case ProfileStatus.Merging or ProfileStatus.MergedInto:
                return new BeginErasureResult(null, Profile.Target, null);
            case ProfileStatus.Erased:
                return new BeginErasureResult(null, null, Profile.ErasureId);
            case ProfileStatus.Erasing:
                // The same saga asking again (it resumed) gets the subject again; any other is told which saga holds it.
                return new BeginErasureResult(Profile.ErasureId == erasureId ? Profile.ErasureSubject(id) : null, null, Profile.ErasureId);
        }

        if (!state.RecordExists)
        {
            return new BeginErasureResult(null, null, null);
        }

        Profile.BeginErasure(erasureId);
        await SaveAsync();
        await AuditAsync(AuditAction.ErasureStarted);
        return new BeginErasureResult(Profile.ErasureSubject(id), null, erasureId);
    }

    public async Task<bool> CompleteErasureAsync(string erasureId)
    {
        ArgumentException.ThrowIfNullOrEmpty(erasureId);
        var erasable = Profile.Status switch
        {
            ProfileStatus.Erasing => Profile.ErasureId == erasureId,
            // A profile merged into the erased one keeps only a forward and its last history entry: it goes too.
            ProfileStatus.MergedInto => true,
            _ => false,
        };
        if (!erasable)
        {
            return Profile.Status == ProfileStatus.Erased && Profile.ErasureId == erasureId;
        }

        Profile.BecomeErased(erasureId, time.GetUtcNow());
        await SaveAsync();
        if (await this.GetReminder(ConsentReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        consentReminderDue = null;
        if (await this.GetReminder(RetentionReminder) is { } retentionReminder)
        {
            await this.UnregisterReminder(retentionReminder);
        }

        retentionReminderDue = null;
        await AuditAsync(AuditAction.Erased);
        return true;
    }

    public async Task<ProfileWriteResult> ForgetErasedKeysAsync(ImmutableArray<string> erasedKeys)
    {
        if (Redirect() is { } redirect)
        {
            return redirect;
        }

        if (!Profile.ForgetErasedKeys(erasedKeys.ToHashSet(StringComparer.Ordinal), time.GetUtcNow()))
        {
            return new ProfileWriteResult(IngestStatus.Unchanged, null);
        }

        await SaveAsync();
        await AuditAsync(AuditAction.ErasedReferencesRemoved);
        return new ProfileWriteResult(IngestStatus.Updated, null);
    }
}
