namespace Cdm.Contracts.Profiles;

/// <summary>How to find a profile: exactly one of a profile id, an identifier (type and raw value) or a source key.</summary>
[GenerateSerializer, Immutable, Alias("cdm.ProfileLookup")]
public sealed record ProfileLookup(
    [property: Id(0)] string? ProfileId,
    [property: Id(1)] string? IdentifierType,
    [property: Id(2)] string? IdentifierValue,
    [property: Id(3)] string? Source,
    [property: Id(4)] string? RecordId)
{
    public static ProfileLookup ById(string profileId) => new(profileId, null, null, null, null);
    public static ProfileLookup ByIdentifier(string type, string value) => new(null, type, value, null, null);
    public static ProfileLookup BySourceKey(string source, string recordId) => new(null, null, null, source, recordId);
}
