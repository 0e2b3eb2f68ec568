using System.Collections.Immutable;

namespace Cdm.Bench.ModelEvaluation;

/// <summary>One record of a labelled data set: its id, the id of the true entity, and raw attributes under the project's names.</summary>
public sealed record LabelledRecord(string Id, string Truth, ImmutableDictionary<string, string> Attributes);
