using System.Collections.Immutable;

namespace Cdm.Grains.Matching;

/// <summary>
/// The score of a pair: <see cref="Weight"/> is the sum of the per-field parts (bits of evidence, log2 of m over u),
/// <see cref="Probability"/> the match probability once the model's prior is added.
/// </summary>
public sealed record MatchScore(double Weight, double Probability, ImmutableArray<FieldWeight> Parts);
