namespace Cdm.Cli.Evaluation;

/// <summary>
/// Pairwise scores of a predicted partition of records against the true one: every pair of records in
/// the same profile is a predicted match, every pair with the same truth id a true match.
/// </summary>
public sealed record PairwiseMetrics(
    long Records,
    long TrueEntities,
    long PredictedProfiles,
    long TruePairs,
    long PredictedPairs,
    long CorrectPairs)
{
    /// <summary>Correct pairs over predicted pairs; 1 when nothing was predicted, as no prediction was wrong.</summary>
    public double Precision => PredictedPairs == 0 ? 1.0 : (double)CorrectPairs / PredictedPairs;

    /// <summary>Correct pairs over true pairs; 1 when there is no true pair, as none was missed.</summary>
    public double Recall => TruePairs == 0 ? 1.0 : (double)CorrectPairs / TruePairs;

    public double F1 => Precision + Recall == 0 ? 0.0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>True when the predicted partition equals the true one.</summary>
    public bool IsExact => CorrectPairs == TruePairs && CorrectPairs == PredictedPairs && TrueEntities == PredictedProfiles;
}
