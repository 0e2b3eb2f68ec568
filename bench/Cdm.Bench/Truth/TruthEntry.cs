namespace Cdm.Bench.Truth;

/// <summary>
/// The truth about one record: its component (the records it must share a profile with, through shared
/// deterministic identifiers) and the generated person it is about.
/// </summary>
public sealed record TruthEntry(string Source, string RecordId, string Component, string Person);
