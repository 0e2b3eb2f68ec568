using Cdm.Contracts.Privacy;

namespace Cdm.Grains.Security;

/// <summary>
/// What one authenticated caller may do: its roles, the sources it may write and the purposes it may read for.
/// The gateway opens RPCs by role; these checks then bound the request itself.
/// </summary>
public sealed record CallerRights(string Name, IReadOnlySet<string> Roles, IReadOnlySet<string> Sources, IReadOnlySet<string> Purposes)
{
    /// <summary>Everything, for the open mode (no authentication, loopback only).</summary>
    public static CallerRights Open { get; } = new("anonymous", new HashSet<string> { AccessRoles.Admin }, new HashSet<string>(), new HashSet<string>());

    public bool IsAdmin => Roles.Contains(AccessRoles.Admin);

    public bool Has(string role) => IsAdmin || Roles.Contains(role);

    /// <summary>A source system writes only its own sources; an admin any.</summary>
    public bool MayWrite(string source) => IsAdmin || (Roles.Contains(AccessRoles.Source) && Sources.Contains(source));

    /// <summary>
    /// A reader reads for the purposes it was given; a steward for <c>stewardship</c>, a privacy officer for
    /// <c>privacy_request</c>; an admin for any.
    /// </summary>
    public bool MayReadFor(string purpose) =>
        IsAdmin
        || (Roles.Contains(AccessRoles.Reader) && Purposes.Contains(purpose))
        || (Roles.Contains(AccessRoles.Steward) && purpose == ReadPurposes.Stewardship)
        || (Roles.Contains(AccessRoles.PrivacyOfficer) && purpose == ReadPurposes.PrivacyRequest);

    /// <summary>The purposes this caller may read for, for error messages (<c>*</c> for an admin).</summary>
    public IEnumerable<string> ReadablePurposes()
    {
        if (IsAdmin)
        {
            return ["*"];
        }

        var purposes = new SortedSet<string>(Roles.Contains(AccessRoles.Reader) ? Purposes : [], StringComparer.Ordinal);
        if (Roles.Contains(AccessRoles.Steward))
        {
            purposes.Add(ReadPurposes.Stewardship);
        }

        if (Roles.Contains(AccessRoles.PrivacyOfficer))
        {
            purposes.Add(ReadPurposes.PrivacyRequest);
        }

        return purposes;
    }
}
