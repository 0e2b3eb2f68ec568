using Cdm.Grains.Security;
using Microsoft.AspNetCore.Authorization;

namespace Cdm.Gateway.Security;

/// <summary>
/// The authorization policies the services name in <c>[Authorize]</c>: each opens RPCs to some roles (an admin
/// passes every one). Roles are read through <see cref="CallerRights"/>, so keys and tokens are judged alike.
/// </summary>
public static class AccessPolicies
{
    public const string Sources = "cdm.sources";
    public const string Readers = "cdm.readers";
    public const string Stewards = "cdm.stewards";
    public const string ConsentWriters = "cdm.consent-writers";
    public const string RecordListers = "cdm.record-listers";
    public const string Admins = "cdm.admins";
    public const string Auditors = "cdm.auditors";

    private static readonly Dictionary<string, string[]> RolesOf = new(StringComparer.Ordinal)
    {
        [Sources] = [AccessRoles.Source],
        [Readers] = [AccessRoles.Reader, AccessRoles.Steward, AccessRoles.PrivacyOfficer],
        [Stewards] = [AccessRoles.Steward],
        [ConsentWriters] = [AccessRoles.Source, AccessRoles.PrivacyOfficer],
        [RecordListers] = [AccessRoles.Steward, AccessRoles.PrivacyOfficer],
        [Admins] = [AccessRoles.Admin],
        [Auditors] = [AccessRoles.PrivacyOfficer],
    };

    /// <summary>The roles a policy opens to, for documentation and tests.</summary>
    public static IReadOnlyList<string> Roles(string policy) => RolesOf[policy];

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in RolesOf)
        {
            options.AddPolicy(policy, builder => builder
                .RequireAuthenticatedUser()
                .RequireAssertion(context => roles.Any(CallerClaims.RightsOf(context.User).Has)));
        }
    }
}
