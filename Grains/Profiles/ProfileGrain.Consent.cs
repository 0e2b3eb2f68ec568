using System.Collections.Immutable;
using Cdm.Contracts.Audit;
using Cdm.Contracts.Consent;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;

namespace Cdm.Grains.Profiles;

/// <summary>The consent of a profile: statements recorded and read, and the reminder that notes each lapse.</summary>
public sealed partial class ProfileGrain : IRemindable
{
    /// <summary>The reminder that notes a consent grant's lapse when it falls due.</summary>
    public const string ConsentReminder = "consent-expiry";

    // What this activation last registered, so a change that moves no expiry costs no reminder call.
    private DateTimeOffset? consentReminderDue;

    public async Task<ProfileWriteResult> RecordConsentAsync(ConsentStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (Redirect() is { } redirect)
        {
            return redirect;
        }

        if (Profile.IsEmpty)
        {
            // Consent belongs to a person the profile holds records of; an empty profile is nobody yet.
            return new ProfileWriteResult(IngestStatus.Rejected, null);
        }

        if (!Profile.Consent.Record(statement))
        {
            return new ProfileWriteResult(IngestStatus.Unchanged, null);
        }

        Profile.UpdatedAt = time.GetUtcNow();
        await SaveAsync();
        await AuditAsync(AuditAction.ConsentRecorded, source: statement.Source);
        await KeepConsentReminderAsync();
        return new ProfileWriteResult(IngestStatus.Updated, null);
    }

    public async Task<ImmutableArray<ConsentStatement>?> GetConsentAsync()
    {
        if (Profile.Status != ProfileStatus.Active || Profile.IsEmpty)
        {
            return null;
        }

        await AuditAsync(AuditAction.ConsentRead);
        return [.. Profile.Consent.Statements.Values.SelectMany(static s => s)];
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // Whatever was registered has fired: act, then look again for the next due time, or stop.
        switch (reminderName)
        {
            case ConsentReminder:
                consentReminderDue = DateTimeOffset.MinValue;
                await KeepConsentReminderAsync();
                break;
            case RetentionReminder:
                retentionReminderDue = DateTimeOffset.MinValue;
                await ApplyRetentionAsync();
                break;
        }
    }

    /// <summary>
    /// Keeps one reminder due at the next lapse of a grant in force (none when no grant will lapse), and notes at once
    /// a grant that arrived already lapsed. Reads stop honouring a lapsed grant by themselves; the reminder writes
    /// the lapse into the history and the audit log when it happens, with no batch job.
    /// </summary>
    private async Task KeepConsentReminderAsync()
    {
        var now = time.GetUtcNow();
        if (Profile.Status == ProfileStatus.Active && Profile.NoteConsentLapses(now) is { Count: > 0 } lapsed)
        {
            await SaveAsync();
            foreach (var grant in lapsed)
            {
                await AuditAsync(AuditAction.ConsentLapsed, purpose: grant.Purpose, source: grant.Source);
            }
        }

        var next = Profile.Status == ProfileStatus.Active ? Profile.Consent.NextExpiry(now) : null;
        if (next == consentReminderDue)
        {
            return;
        }

        if (next is { } due)
        {
            // The period only matters if this activation is gone before it re-registers: a day, then it looks again.
            await this.RegisterOrUpdateReminder(ConsentReminder, Max(due - now, TimeSpan.FromSeconds(1)), TimeSpan.FromDays(1));
        }
        else if (await this.GetReminder(ConsentReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        consentReminderDue = next;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
