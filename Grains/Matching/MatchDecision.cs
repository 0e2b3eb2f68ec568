namespace Cdm.Grains.Matching;

/// <summary>What a scored pair leads to at ingest (DESIGN rule 1, probabilistic part).</summary>
public enum MatchDecision
{
    /// <summary>Below the review threshold: the records stay apart.</summary>
    None,

    /// <summary>Between the thresholds: a steward decides.</summary>
    Review,

    /// <summary>At or above the upper threshold: the records' profiles merge.</summary>
    Link,
}
