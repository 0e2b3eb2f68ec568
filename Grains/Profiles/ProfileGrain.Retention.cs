using Cdm.Contracts.Audit;
using Cdm.Contracts.Identity;
using Cdm.Grains.Privacy.Retention;

namespace Cdm.Grains.Profiles;

/// <summary>Retention: the reminder that removes values once their period is over, and what their removal touches.</summary>
public sealed partial class ProfileGrain
{
    /// <summary>The reminder due at the next expiry of a value the profile holds.</summary>
    public const string RetentionReminder = "retention";

    // What this activation last registered, so a change that moves no expiry costs no reminder call.
    private DateTimeOffset? retentionReminderDue;

    /// <summary>
    /// Removes what expired, then looks for the next expiry. The golden record is recomputed on the next read. The
    /// identifier grains of keys no record carries any more are released and the changed records re-blocked: those are
    /// leaf grains that never call a profile, so this grain's calls to them cannot form a cycle.
    /// </summary>
    private async Task ApplyRetentionAsync()
    {
        if (Profile.Status == ProfileStatus.Active && !retention.IsEmpty)
        {
            var changes = Profile.ApplyRetention(retention, time.GetUtcNow());
            if (!changes.IsEmpty)
            {
                await SaveAsync();
                await AuditAsync(AuditAction.RetentionApplied);
                // A key may still name a profile merged into this one as its owner: that is this person too.
                System.Collections.Immutable.ImmutableArray<string> owners = [this.GetPrimaryKeyString(), .. Profile.MergedProfileIds];
                await Task.WhenAll(changes.ReleasedKeys.Select(k => GrainFactory.GetGrain<IIdentifierGrain>(k).ForgetAsync(owners)));
                await Task.WhenAll(changes.Members.Select(m => matcher.ReblockAsync(m.SourceKey, m.Current, m.Before)));
            }
        }

        await KeepRetentionReminderAsync();
    }

    /// <summary>Keeps one reminder due at the next expiry of a value held (none when nothing will expire or no period is set).</summary>
    private async Task KeepRetentionReminderAsync()
    {
        if (retention.IsEmpty && retentionReminderDue is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var next = Profile.Status == ProfileStatus.Active ? retention.NextExpiry(Profile.Members.Values.SelectMany(static m => m.Versions)) : null;
        if (next == retentionReminderDue)
        {
            return;
        }

        if (next is { } due)
        {
            // As with consent: the period matters only if this activation is gone before it re-registers.
            await this.RegisterOrUpdateReminder(RetentionReminder, Max(due - now, TimeSpan.FromSeconds(1)), TimeSpan.FromDays(1));
        }
        else if (await this.GetReminder(RetentionReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        retentionReminderDue = next;
    }
}
