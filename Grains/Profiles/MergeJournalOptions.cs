namespace Cdm.Grains.Profiles;

/// <summary>How often the merge journal looks for sagas left unfinished (configuration <c>Cdm:MergeJournal</c>).</summary>
public sealed class MergeJournalOptions
{
    /// <summary>A saga older than this is taken to be abandoned (its driver died) and is finished by the journal.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each partition checks for stale sagas.</summary>
    public TimeSpan CheckPeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Period of the reminder a partition holds while it has sagas: the guarantee that they are finished when the
    /// silo hosting the partition dies. Orleans refuses periods under its <c>ReminderOptions.MinimumReminderPeriod</c>
    /// (one minute unless configured lower).
    /// </summary>
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
