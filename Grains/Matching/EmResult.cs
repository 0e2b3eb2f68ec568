using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>What <see cref="EmTrainer"/> learned: m per comparison and level, λ, and how it stopped.</summary>
public sealed record EmResult(ImmutableArray<ImmutableArray<double>> M, double Lambda, int Iterations, bool Converged);
