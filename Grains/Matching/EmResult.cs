using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// What <see cref="EmTrainer"/> learned: m per comparison and level, λ (the share of matches among the candidate
/// pairs), and how it stopped. <see cref="CandidateU"/> is u among the candidate pairs when it was estimated
/// (<see cref="EmOptions.EstimateU"/>), otherwise the u given.
/// </summary>
public sealed record EmResult(
    ImmutableArray<ImmutableArray<double>> M,
    double Lambda,
    int Iterations,
    bool Converged,
    ImmutableArray<ImmutableArray<double>> CandidateU = default);
