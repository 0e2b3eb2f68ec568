using System.Collections.Immutable;

namespace Cdm.Contracts.Audit;

/// <summary>
/// Which entries to list, newest first: those of any of <see cref="ProfileIds"/> (a profile and those merged into it)
/// or those of <see cref="Caller"/>; only entries older than <see cref="Before"/> (an entry id) when set.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.AuditQuery")]
public sealed record AuditQuery(
    [property: Id(0)] ImmutableArray<string> ProfileIds,
    [property: Id(1)] string? Caller,
    [property: Id(2)] long? Before,
    [property: Id(3)] int Limit);

/// <summary>A page of the audit log, newest first; <see cref="Next"/> is the <c>Before</c> of the next page, null at the end.</summary>
[GenerateSerializer, Immutable, Alias("cdm.AuditPage")]
public sealed record AuditPage(
    [property: Id(0)] ImmutableArray<AuditEntry> Entries,
    [property: Id(1)] long? Next);
