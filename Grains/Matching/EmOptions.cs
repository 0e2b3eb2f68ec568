namespace Cdm.Grains.Matching;

/// <summary>How <see cref="EmTrainer"/> runs.</summary>
/// <param name="MaxIterations">The most iterations, converged or not.</param>
/// <param name="Tolerance">Converged when no m (nor u, when estimated) and not λ moves by more than this in one iteration.</param>
/// <param name="Smoothing">The pseudo-count added to every level's expected matches, so no m is 0 or 1.</param>
/// <param name="InitialLambda">The starting prior chance that a candidate pair is a match.</param>
/// <param name="EstimateU">
/// Also learn u among the candidate pairs, starting from the u given. Blocked non-matches agree on the blocking
/// fields far more often than random pairs do; holding u at its random-pair value makes EM count them as matches.
/// </param>
public sealed record EmOptions(
    int MaxIterations = 200,
    double Tolerance = 1e-6,
    double Smoothing = 0.5,
    double InitialLambda = 0.1,
    bool EstimateU = false);
