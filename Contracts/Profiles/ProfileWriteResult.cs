using Cdm.Contracts.Ingestion;

namespace Cdm.Contracts.Profiles;

/// <summary>
/// A profile's answer to a change: what it did (<see cref="Status"/>), or <see cref="RedirectTo"/> when
/// this profile is merging or merged and the change must go to that profile instead.
/// </summary>
[GenerateSerializer, Immutable, Alias("cdm.ProfileWriteResult")]
public sealed record ProfileWriteResult([property: Id(0)] IngestStatus Status, [property: Id(1)] string? RedirectTo)
{
    public static ProfileWriteResult Redirect(string target) => new(IngestStatus.Unchanged, target);
}
