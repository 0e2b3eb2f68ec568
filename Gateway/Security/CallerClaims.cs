using System.Security.Claims;
using Cdm.Contracts.Security;
using Cdm.Grains.Security;

namespace Cdm.Gateway.Security;

/// <summary>
/// The claims a caller's rights are read from, the same for API keys and bearer tokens: roles in <c>roles</c> (or
/// <c>role</c>), the sources it may write in <c>cdm_sources</c>, the purposes it may read for in <c>cdm_purposes</c>.
/// </summary>
public static class CallerClaims
{
    public const string Roles = "roles";
    public const string Sources = "cdm_sources";
    public const string Purposes = "cdm_purposes";
    public const string Name = "sub";

    /// <summary>The rights of an authenticated principal.</summary>
    public static CallerRights RightsOf(ClaimsPrincipal user)
    {
        if (user.Identity?.AuthenticationType == OpenAuthenticationHandler.SchemeName)
        {
            return CallerRights.Open;
        }

        return new CallerRights(
            user.FindFirst(Name)?.Value ?? user.Identity?.Name ?? "unknown",
            Values(user, Roles, "role", ClaimTypes.Role),
            Values(user, Sources),
            Values(user, Purposes));
    }

    /// <summary>The principal of a verified API key: its id as the caller's name, and its roles, sources and purposes.</summary>
    public static ClaimsPrincipal PrincipalOf(ApiKeyRecord key, string scheme)
    {
        var claims = new List<Claim> { new(Name, $"key:{key.Id} ({key.Name})") };
        claims.AddRange(key.Roles.Select(static r => new Claim(Roles, r)));
        claims.AddRange(key.Sources.Select(static s => new Claim(Sources, s)));
        claims.AddRange(key.Purposes.Select(static p => new Claim(Purposes, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, Name, Roles));
    }

    private static HashSet<string> Values(ClaimsPrincipal user, params string[] types) =>
        user.Claims.Where(c => types.Contains(c.Type, StringComparer.Ordinal)).SelectMany(static c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
}
