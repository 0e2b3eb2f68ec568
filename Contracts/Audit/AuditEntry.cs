namespace Cdm.Contracts.Audit;

/// <summary>
/// One line of the audit log: who did what to which profile, when, and for which purpose. Never personal data: a
/// caller's name, a profile id, a purpose and a source name only. <see cref="Id"/> orders the log (0 before it is stored).
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Caller,
    [property: Id(3)] AuditAction Action,
    [property: Id(4)] string ProfileId,
    [property: Id(5)] string? Purpose,
    [property: Id(6)] string? Source);
