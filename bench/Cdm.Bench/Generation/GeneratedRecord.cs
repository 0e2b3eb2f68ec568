using Cdm.Api.V1;

namespace Cdm.Bench.Generation;

/// <summary>A generated source record and the person it is about.</summary>
public readonly record struct GeneratedRecord(SourceRecord Record, int PersonId);
