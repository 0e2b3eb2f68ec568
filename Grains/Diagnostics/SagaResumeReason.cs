namespace Cdm.Grains.Diagnostics;

/// <summary>What made the merge journal finish a saga its driver left behind.</summary>
public enum SagaResumeReason
{
    /// <summary>The silo started and woke every journal partition.</summary>
    Startup,

    /// <summary>The periodic check found a saga older than <c>Cdm:MergeJournal:StaleAfter</c>.</summary>
    Stale,
}
