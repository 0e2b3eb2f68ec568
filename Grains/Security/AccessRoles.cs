namespace Cdm.Grains.Security;

/// <summary>
/// The roles a caller of the gateway can hold. A role opens a set of RPCs; within them, a <see cref="Source"/> writes
/// only its own sources and a <see cref="Reader"/> reads only for its own purposes.
/// </summary>
public static class AccessRoles
{
    /// <summary>A source system: ingests and deletes records of its sources, and records consent they collected.</summary>
    public const string Source = "source";

    /// <summary>A service reading profiles and consent for the purposes it was given.</summary>
    public const string Reader = "reader";

    /// <summary>A data steward: review queue, splits, explanations, match models; reads for <c>stewardship</c>.</summary>
    public const string Steward = "steward";

    /// <summary>A privacy officer: consent, access and erasure requests; reads for <c>privacy_request</c>.</summary>
    public const string PrivacyOfficer = "privacy_officer";

    /// <summary>Everything, API keys included.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Source, Reader, Steward, PrivacyOfficer, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
